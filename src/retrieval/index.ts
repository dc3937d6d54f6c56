export { AliasMatcher } from "./alias-matcher.ts";
export { Bm25Index } from "./bm25.ts";
export { buildChunks, type Chunk } from "./chunk.ts";
export {
  buildRetrievalIndex,
  createRetriever,
  ensureRetrievalIndex,
  type IndexMeta,
  type RetrievalIndexData,
  readRetrievalIndex,
  saveRetrievalIndex,
} from "./retrieval-index.ts";
export type { MatterScore, RetrievalResult, Retriever, ScoredChunk, SearchOptions } from "./retriever.ts";
