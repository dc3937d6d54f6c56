import type { Chunk } from "./chunk.ts";
import type { MatterScore, ScoredChunk } from "./retriever.ts";

/** How much each signal counts; measured in bench/retrieval.bench.ts. */
export interface FusionWeights {
  lexical: number;
  dense: number;
  /** Added for a title or alias of the matter written in the question (times its strength). */
  alias: number;
  /** Share of a matter's second-best chunk in its score: a matter "about" the question matches twice. */
  secondChunk: number;
}

export const DEFAULT_WEIGHTS: FusionWeights = { lexical: 1, dense: 0.3, alias: 0.8, secondChunk: 0.25 };

/** `weighted`: scores scaled to 0..1 per signal and summed; `rrf`: reciprocal rank fusion. */
export type FusionMethod = "weighted" | "rrf";

export interface Signals {
  lexical: ScoredChunk[];
  dense: ScoredChunk[];
  /** Matter id → strength (0..1) of the title or alias found in the question. */
  aliases: Map<string, number>;
}

const RRF_K = 60;

/** Each item's share of one signal: its rank's reciprocal, or its score min–max scaled over the list. */
function shares<T>(list: Array<{ item: T; score: number }>, method: FusionMethod): Map<T, number> {
  const top = list[0]?.score ?? 0;
  // Cosines crowd together near the top; BM25 scores start near zero. Min–max puts both on 0..1.
  const floor = list.length > 1 ? (list[list.length - 1]?.score ?? 0) : 0;
  return new Map(
    list.map(({ item, score }, rank) => [
      item,
      method === "rrf" ? 1 / (RRF_K + rank + 1) : top > floor ? (score - floor) / (top - floor) : top > 0 ? 1 : 0,
    ]),
  );
}

function sumInto<T>(target: Map<T, number>, parts: Map<T, number>, weight: number): void {
  if (weight === 0) return;
  for (const [item, part] of parts) target.set(item, (target.get(item) ?? 0) + weight * part);
}

/** Sections ranked by both signals together; best first. */
export function fuseChunks(signals: Signals, weights: FusionWeights, method: FusionMethod): ScoredChunk[] {
  const fused = new Map<Chunk, number>();
  sumInto(
    fused,
    shares(
      signals.lexical.map(({ chunk, score }) => ({ item: chunk, score })),
      method,
    ),
    weights.lexical,
  );
  sumInto(
    fused,
    shares(
      signals.dense.map(({ chunk, score }) => ({ item: chunk, score })),
      method,
    ),
    weights.dense,
  );
  return [...fused].map(([chunk, score]) => ({ chunk, score })).sort((left, right) => right.score - left.score);
}

/** One signal's matter ranking: a matter's best chunk plus a share of its second. */
function matterRanking(chunks: ScoredChunk[], weights: FusionWeights): Array<{ item: string; score: number }> {
  const best = new Map<string, [number, number]>();
  for (const { chunk, score } of chunks) {
    const pair = best.get(chunk.matterId);
    if (!pair) best.set(chunk.matterId, [score, 0]);
    else if (pair[1] === 0) pair[1] = score;
  }
  return [...best]
    .map(([item, [first, second]]) => ({ item, score: first + weights.secondChunk * second }))
    .sort((left, right) => right.score - left.score);
}

/**
 * Matters ranked by each signal on its own (so one matter's many similar sections cannot crowd a
 * signal), then fused; each carries its fused sections, best first.
 */
export function aggregateMatters(
  signals: Signals,
  chunks: ScoredChunk[],
  weights: FusionWeights,
  method: FusionMethod,
): MatterScore[] {
  const scores = new Map<string, number>();
  sumInto(scores, shares(matterRanking(signals.lexical, weights), method), weights.lexical);
  sumInto(scores, shares(matterRanking(signals.dense, weights), method), weights.dense);
  const byStrength = [...signals.aliases].sort((left, right) => right[1] - left[1]);
  const aliasShares = new Map(
    byStrength.map(([matterId, strength], rank) => [matterId, method === "rrf" ? 1 / (RRF_K + rank + 1) : strength]),
  );
  sumInto(scores, aliasShares, weights.alias);
  const matters = new Map<string, MatterScore>();
  for (const [matterId, score] of scores) matters.set(matterId, { matterId, score, chunks: [] });
  for (const scored of chunks) matters.get(scored.chunk.matterId)?.chunks.push(scored);
  return [...matters.values()].sort((left, right) => right.score - left.score);
}
