import type { SectionKey } from "../knowledge/index.ts";
import type { Chunk } from "./chunk.ts";

export interface ScoredChunk {
  chunk: Chunk;
  score: number;
}

export interface MatterScore {
  matterId: string;
  score: number;
  /** This matter's chunks that matched, best first. */
  chunks: ScoredChunk[];
}

export interface RetrievalResult {
  normalised: string;
  tokens: string[];
  /** Matters whose title or an alias appears in the question itself, longest phrase first. */
  namedMatters: string[];
  chunks: ScoredChunk[];
  matters: MatterScore[];
}

export interface SearchOptions {
  limit?: number;
  /** Search only these matters (follow-ups inside a known matter or bundle). */
  matterIds?: readonly string[];
}

export interface Retriever {
  search(question: string, options?: SearchOptions): RetrievalResult;
  chunksOf(matterId: string, section?: SectionKey): Chunk[];
  /**
   * The same search with a remote embedder's vectors when one is configured (its query embedding
   * is a network call); equals `search` otherwise.
   */
  searchAsync?(question: string, options?: SearchOptions): Promise<RetrievalResult>;
}
