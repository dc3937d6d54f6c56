/** Turns texts into dense vectors; the port behind which local and remote embedding models sit. */
export interface Embedder {
  /** Names the model and its configuration; an index built by another id is stale. */
  readonly id: string;
  readonly dimensions: number;
  embed(texts: readonly string[]): Promise<Float32Array[]>;
  /** Present when embedding is local and cheap, so a search can stay synchronous. */
  embedSync?(texts: readonly string[]): Float32Array[];
}

/** Scales a vector to unit length in place (a zero vector stays zero). */
export function l2Normalise(vector: Float32Array): Float32Array {
  let norm = 0;
  for (const value of vector) norm += value * value;
  norm = Math.sqrt(norm);
  if (norm > 0) for (let index = 0; index < vector.length; index += 1) vector[index] = (vector[index] as number) / norm;
  return vector;
}

export function dot(left: Float32Array, right: Float32Array): number {
  let sum = 0;
  for (let index = 0; index < left.length; index += 1) sum += (left[index] as number) * (right[index] as number);
  return sum;
}
