/**
 * Truncated SVD of a sparse matrix by randomized subspace iteration (Halko, Martinsson & Tropp
 * 2011), small enough to run at index time in plain TypeScript. Dense matrices are row-major
 * Float64Arrays.
 */

/** A sparse matrix given by rows: row i has `indices[i][j]` → `values[i][j]`. */
export interface SparseRows {
  columns: number;
  indices: Int32Array[];
  values: Float64Array[];
}

export interface TruncatedSvd {
  rank: number;
  /** Singular values, largest first. */
  singularValues: Float64Array;
  /** Left singular vectors: rows × rank, row-major. */
  left: Float64Array;
  /** Right singular vectors: columns × rank, row-major. */
  right: Float64Array;
}

export interface SvdOptions {
  /** Extra random directions beyond the rank (better accuracy for a little more work). */
  oversampling?: number;
  powerIterations?: number;
  seed?: number;
}

/** Top `rank` singular triplets of A (rows × columns). Exact when rank + oversampling ≥ min(rows, columns). */
export function truncatedSvd(matrix: SparseRows, rank: number, options: SvdOptions = {}): TruncatedSvd {
  const rows = matrix.indices.length;
  const width = Math.min(rank + (options.oversampling ?? 10), rows, matrix.columns);
  const random = gaussian(options.seed ?? 1);
  // Random directions in column space, pushed through A: an approximate basis of A's range.
  const omega = new Float64Array(matrix.columns * width).map(() => random());
  let basis = orthonormaliseColumns(multiply(matrix, omega, width), rows, width, 1);
  const iterations = options.powerIterations ?? 2;
  for (let iteration = 0; iteration < iterations; iteration += 1) {
    const product = multiply(matrix, multiplyTransposed(matrix, basis, width), width);
    // Re-orthogonalise only on the last pass: the earlier ones just need a well-conditioned basis.
    basis = orthonormaliseColumns(product, rows, width, iteration === iterations - 1 ? 2 : 1);
  }
  // Small symmetric problem: Qᵀ A Aᵀ Q = S Λ Sᵀ, so A ≈ (Q S) Λ^½ Vᵀ.
  const gram = multiply(matrix, multiplyTransposed(matrix, basis, width), width);
  const small = transposeTimes(basis, gram, rows, width);
  const { values, vectors } = symmetricEigen(small, width);
  const order = [...values.keys()].sort((a, b) => (values[b] ?? 0) - (values[a] ?? 0)).slice(0, rank);
  const kept = order.length;
  const singularValues = Float64Array.from(order, (index) => Math.sqrt(Math.max(0, values[index] ?? 0)));
  const left = new Float64Array(rows * kept);
  for (let row = 0; row < rows; row += 1) {
    for (let k = 0; k < kept; k += 1) {
      const column = order[k] as number;
      let sum = 0;
      for (let j = 0; j < width; j += 1) sum += (basis[row * width + j] ?? 0) * (vectors[j * width + column] ?? 0);
      left[row * kept + k] = sum;
    }
  }
  // V = Aᵀ U Σ⁻¹ (zero where a singular value vanishes).
  const right = multiplyTransposed(matrix, left, kept);
  for (let k = 0; k < kept; k += 1) {
    const sigma = singularValues[k] ?? 0;
    const scale = sigma > 1e-12 ? 1 / sigma : 0;
    for (let column = 0; column < matrix.columns; column += 1)
      right[column * kept + k] = (right[column * kept + k] as number) * scale;
  }
  return { rank: kept, singularValues, left, right };
}

/** A (rows × columns, sparse) · X (columns × width, dense). */
function multiply(matrix: SparseRows, dense: Float64Array, width: number): Float64Array {
  const out = new Float64Array(matrix.indices.length * width);
  matrix.indices.forEach((indices, row) => {
    const values = matrix.values[row] as Float64Array;
    for (let entry = 0; entry < indices.length; entry += 1) {
      const offset = (indices[entry] as number) * width;
      const value = values[entry] as number;
      for (let j = 0; j < width; j += 1)
        out[row * width + j] = (out[row * width + j] as number) + value * (dense[offset + j] as number);
    }
  });
  return out;
}

/** Aᵀ (columns × rows, sparse) · Y (rows × width, dense). */
function multiplyTransposed(matrix: SparseRows, dense: Float64Array, width: number): Float64Array {
  const out = new Float64Array(matrix.columns * width);
  matrix.indices.forEach((indices, row) => {
    const values = matrix.values[row] as Float64Array;
    for (let entry = 0; entry < indices.length; entry += 1) {
      const offset = (indices[entry] as number) * width;
      const value = values[entry] as number;
      for (let j = 0; j < width; j += 1)
        out[offset + j] = (out[offset + j] as number) + value * (dense[row * width + j] as number);
    }
  });
  return out;
}

/** Qᵀ · M for two rows × width matrices. */
function transposeTimes(left: Float64Array, right: Float64Array, rows: number, width: number): Float64Array {
  const out = new Float64Array(width * width);
  for (let row = 0; row < rows; row += 1) {
    for (let i = 0; i < width; i += 1) {
      const value = left[row * width + i] as number;
      if (value === 0) continue;
      for (let j = 0; j < width; j += 1)
        out[i * width + j] = (out[i * width + j] as number) + value * (right[row * width + j] as number);
    }
  }
  return out;
}

/** Modified Gram–Schmidt on the columns; dependent columns become zero. */
export function orthonormaliseColumns(matrix: Float64Array, rows: number, width: number, passes = 2): Float64Array {
  for (let column = 0; column < width; column += 1) {
    for (let pass = 0; pass < passes; pass += 1) {
      // Two passes: re-orthogonalisation keeps the basis orthogonal in floating point.
      for (let previous = 0; previous < column; previous += 1) {
        let dot = 0;
        for (let row = 0; row < rows; row += 1)
          dot += (matrix[row * width + column] as number) * (matrix[row * width + previous] as number);
        for (let row = 0; row < rows; row += 1)
          matrix[row * width + column] =
            (matrix[row * width + column] as number) - dot * (matrix[row * width + previous] as number);
      }
    }
    let norm = 0;
    for (let row = 0; row < rows; row += 1) norm += (matrix[row * width + column] as number) ** 2;
    norm = Math.sqrt(norm);
    const scale = norm > 1e-10 ? 1 / norm : 0;
    for (let row = 0; row < rows; row += 1)
      matrix[row * width + column] = (matrix[row * width + column] as number) * scale;
  }
  return matrix;
}

/** Eigen-decomposition of a small symmetric matrix by cyclic Jacobi rotations. Vectors are columns. */
export function symmetricEigen(input: Float64Array, size: number): { values: Float64Array; vectors: Float64Array } {
  const a = Float64Array.from(input);
  const vectors = new Float64Array(size * size);
  for (let i = 0; i < size; i += 1) vectors[i * size + i] = 1;
  for (let sweep = 0; sweep < 60; sweep += 1) {
    let offDiagonal = 0;
    for (let p = 0; p < size; p += 1)
      for (let q = p + 1; q < size; q += 1) offDiagonal += (a[p * size + q] as number) ** 2;
    if (offDiagonal < 1e-22) break;
    for (let p = 0; p < size; p += 1) {
      for (let q = p + 1; q < size; q += 1) {
        const apq = a[p * size + q] as number;
        if (Math.abs(apq) < 1e-300) continue;
        const theta = ((a[q * size + q] as number) - (a[p * size + p] as number)) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const cos = 1 / Math.sqrt(t * t + 1);
        const sin = t * cos;
        for (let k = 0; k < size; k += 1) {
          const akp = a[k * size + p] as number;
          const akq = a[k * size + q] as number;
          a[k * size + p] = cos * akp - sin * akq;
          a[k * size + q] = sin * akp + cos * akq;
        }
        for (let k = 0; k < size; k += 1) {
          const apk = a[p * size + k] as number;
          const aqk = a[q * size + k] as number;
          a[p * size + k] = cos * apk - sin * aqk;
          a[q * size + k] = sin * apk + cos * aqk;
        }
        for (let k = 0; k < size; k += 1) {
          const vkp = vectors[k * size + p] as number;
          const vkq = vectors[k * size + q] as number;
          vectors[k * size + p] = cos * vkp - sin * vkq;
          vectors[k * size + q] = sin * vkp + cos * vkq;
        }
      }
    }
  }
  return { values: Float64Array.from({ length: size }, (_, i) => a[i * size + i] as number), vectors };
}

/** Deterministic standard normal samples (mulberry32 + Box–Muller): the same index on every build. */
function gaussian(seed: number): () => number {
  let state = seed >>> 0;
  const uniform = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return () => Math.sqrt(-2 * Math.log(uniform() + 1e-300)) * Math.cos(2 * Math.PI * uniform());
}
