export { AliasMatcher } from "./alias-matcher.ts";
export { Bm25Index } from "./bm25.ts";
export { buildChunks, type Chunk } from "./chunk.ts";
export { DenseIndex } from "./dense-index.ts";
export { dot, type Embedder, l2Normalise } from "./embedder.ts";
export { DEFAULT_WEIGHTS, type FusionMethod, type FusionWeights } from "./fusion.ts";
export { type DenseSide, type HybridOptions, HybridRetriever, type RetrievalMode } from "./hybrid-retriever.ts";
export { DEFAULT_LSA_DIMENSIONS, LsaEmbedder, lsaEmbedderId } from "./lsa-embedder.ts";
export {
  attachAsyncEmbedder,
  buildRetrievalIndex,
  buildRetrievalIndexWith,
  createRetriever,
  type EmbedderChoice,
  ensureRetrievalIndex,
  ensureRetrievalIndexWith,
  type IndexMeta,
  type RetrievalIndex,
  type RetrievalIndexData,
  readRetrievalIndex,
  saveRetrievalIndex,
} from "./retrieval-index.ts";
export type { MatterScore, RetrievalResult, Retriever, ScoredChunk, SearchOptions } from "./retriever.ts";
export { indexTokens, searchForm } from "./tokens.ts";
