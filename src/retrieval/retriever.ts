import type { SectionKey } from "../knowledge/index.ts";
import { isBlank, normalise, type QueryExpander } from "../text/index.ts";
import type { AliasMatcher } from "./alias-matcher.ts";
import type { Bm25Index } from "./bm25.ts";
import type { Chunk } from "./chunk.ts";
import { indexTokens, isBigramToken } from "./tokens.ts";

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
}

const EMPTY = (normalised: string): RetrievalResult => ({
  normalised,
  tokens: [],
  namedMatters: [],
  chunks: [],
  matters: [],
});
/** Below this BM25 score, with no alias in the question, a hit is noise rather than a match. */
const MIN_LEXICAL_SCORE = 3;
const MAX_QUERY_CHARS = 2000;

/** Lexical retriever: BM25 over section chunks, boosted by titles/aliases found in the question. */
export class LexicalRetriever implements Retriever {
  private readonly byMatter = new Map<string, Chunk[]>();

  constructor(
    private readonly chunks: readonly Chunk[],
    private readonly bm25: Bm25Index,
    private readonly aliases: AliasMatcher,
    private readonly expander: QueryExpander,
  ) {
    for (const chunk of chunks) {
      const list = this.byMatter.get(chunk.matterId) ?? [];
      list.push(chunk);
      this.byMatter.set(chunk.matterId, list);
    }
  }

  chunksOf(matterId: string, section?: SectionKey): Chunk[] {
    const chunks = this.byMatter.get(matterId) ?? [];
    return section ? chunks.filter((chunk) => chunk.section === section) : chunks;
  }

  search(question: string, options: SearchOptions = {}): RetrievalResult {
    const normalised = normalise(question.slice(0, MAX_QUERY_CHARS));
    if (isBlank(normalised)) return EMPTY(normalised);
    const expanded = [normalised, ...this.expander.expand(normalised)].join(" ");
    const tokens = indexTokens(expanded);
    if (!tokens.some((token) => !isBigramToken(token))) return EMPTY(normalised);

    const allowed = options.matterIds ? new Set(options.matterIds) : undefined;
    const aliasHits = this.aliases.match(expanded);
    const lexical = this.bm25
      .search(tokens, 200)
      .map(({ index, score }) => ({ chunk: this.chunks[index] as Chunk, score }))
      .filter(({ chunk }) => !allowed || allowed.has(chunk.matterId));
    const top = lexical[0]?.score ?? 0;
    if (top < MIN_LEXICAL_SCORE && aliasHits.size === 0 && !allowed) return { ...EMPTY(normalised), tokens };

    const matters = new Map<string, MatterScore>();
    for (const scored of lexical) {
      const entry = matters.get(scored.chunk.matterId) ?? { matterId: scored.chunk.matterId, score: 0, chunks: [] };
      entry.chunks.push(scored);
      matters.set(scored.chunk.matterId, entry);
    }
    for (const [matterId, length] of aliasHits) {
      if (allowed && !allowed.has(matterId)) continue;
      if (!matters.has(matterId)) matters.set(matterId, { matterId, score: 0, chunks: [] });
      const entry = matters.get(matterId) as MatterScore;
      entry.score += Math.min(1, length / 5) * 0.8;
    }
    for (const entry of matters.values()) {
      const [first, second] = entry.chunks;
      // Best section dominates; a second matching section adds a little (the matter is "about" it).
      entry.score += top > 0 ? ((first?.score ?? 0) + 0.25 * (second?.score ?? 0)) / top : 0;
    }
    const ranked = [...matters.values()].sort((left, right) => right.score - left.score);
    const namedMatters = [...aliasHits]
      .filter(([matterId]) => !allowed || allowed.has(matterId))
      .sort((left, right) => right[1] - left[1])
      .map(([matterId]) => matterId);
    return {
      normalised,
      tokens,
      namedMatters,
      chunks: lexical.slice(0, options.limit ?? 20),
      matters: ranked.slice(0, options.limit ?? 10),
    };
  }
}
