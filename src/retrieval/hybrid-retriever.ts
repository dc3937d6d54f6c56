import type { SectionKey } from "../knowledge/index.ts";
import { createNoiseStripper, foldNumbers, isBlank, normalise, type QueryExpander } from "../text/index.ts";
import type { AliasMatcher } from "./alias-matcher.ts";
import type { Bm25Index } from "./bm25.ts";
import type { Chunk } from "./chunk.ts";
import type { DenseIndex } from "./dense-index.ts";
import type { Embedder } from "./embedder.ts";
import { aggregateMatters, DEFAULT_WEIGHTS, type FusionMethod, type FusionWeights, fuseChunks } from "./fusion.ts";
import type { RetrievalResult, Retriever, ScoredChunk, SearchOptions } from "./retriever.ts";
import { indexTokens, isBigramToken } from "./tokens.ts";

export type RetrievalMode = "lexical" | "vector" | "hybrid";

export interface HybridOptions {
  mode?: RetrievalMode;
  method?: FusionMethod;
  weights?: FusionWeights;
}

export interface DenseSide {
  embedder: Embedder;
  index: DenseIndex;
}

/** Below this BM25 score, with no alias in the question, a hit is noise rather than a match. */
const MIN_LEXICAL_SCORE = 3;
/** A question with no lexical evidence still matches when its vector is this close to a section. */
const MIN_DENSE_SCORE = 0.55;
const MAX_QUERY_CHARS = 2000;
const LEXICAL_CANDIDATES = 200;
const DENSE_CANDIDATES = 60;

const empty = (normalised: string, tokens: string[] = []): RetrievalResult => ({
  normalised,
  tokens,
  namedMatters: [],
  chunks: [],
  matters: [],
});

/**
 * BM25 over section chunks, nearest neighbours over their vectors and the titles/aliases written
 * in the question, fused per chunk and aggregated per matter.
 */
export class HybridRetriever implements Retriever {
  private readonly byMatter = new Map<string, Chunk[]>();
  private readonly mode: RetrievalMode;
  private readonly method: FusionMethod;
  private readonly weights: FusionWeights;
  private readonly stripNoise = createNoiseStripper();
  private asyncDense: DenseSide | undefined;

  constructor(
    private readonly chunks: readonly Chunk[],
    private readonly bm25: Bm25Index,
    private readonly aliases: AliasMatcher,
    private readonly expander: QueryExpander,
    private readonly dense: DenseSide | undefined,
    options: HybridOptions = {},
  ) {
    this.mode = options.mode ?? "hybrid";
    this.method = options.method ?? "weighted";
    this.weights = options.weights ?? DEFAULT_WEIGHTS;
    chunks.forEach((chunk) => {
      const list = this.byMatter.get(chunk.matterId) ?? [];
      list.push(chunk);
      this.byMatter.set(chunk.matterId, list);
    });
  }

  /** Vectors of an embedder that embeds only asynchronously (a remote model), for searchAsync. */
  useAsyncDense(dense: DenseSide): void {
    this.asyncDense = dense;
  }

  chunksOf(matterId: string, section?: SectionKey): Chunk[] {
    const chunks = this.byMatter.get(matterId) ?? [];
    return section ? chunks.filter((chunk) => chunk.section === section) : chunks;
  }

  search(question: string, options: SearchOptions = {}): RetrievalResult {
    const query = this.prepare(question);
    if (!query.text) return empty(query.normalised, query.tokens);
    const embedder = this.dense?.embedder;
    const vector = this.wantsDense() && embedder?.embedSync ? embedder.embedSync([query.text])[0] : undefined;
    return this.rank(query, this.dense, vector, options);
  }

  async searchAsync(question: string, options: SearchOptions = {}): Promise<RetrievalResult> {
    const query = this.prepare(question);
    if (!query.text) return empty(query.normalised, query.tokens);
    const side = this.asyncDense ?? this.dense;
    const vector = this.wantsDense() ? (await side?.embedder.embed([query.text]))?.[0] : undefined;
    return this.rank(query, side, vector, options);
  }

  private wantsDense(): boolean {
    return this.mode !== "lexical";
  }

  /** Normalised question and its expansion; `text` is empty when nothing searchable is left. */
  private prepare(question: string): { normalised: string; text: string; tokens: string[] } {
    const normalised = normalise(question.slice(0, MAX_QUERY_CHARS));
    const form = foldNumbers(normalise(this.stripNoise(question.slice(0, MAX_QUERY_CHARS))));
    if (isBlank(form)) return { normalised, text: "", tokens: [] };
    const text = this.expander.rewrite(form);
    const tokens = indexTokens(text);
    // Bigrams alone (every word a stop word) are too weak to name a matter.
    if (!tokens.some((token) => !isBigramToken(token))) return { normalised, text: "", tokens };
    return { normalised, text, tokens };
  }

  private rank(
    query: { normalised: string; text: string; tokens: string[] },
    side: DenseSide | undefined,
    vector: Float32Array | undefined,
    options: SearchOptions,
  ): RetrievalResult {
    const allowed = options.matterIds ? new Set(options.matterIds) : undefined;
    const permitted = (chunk: Chunk) => !allowed || allowed.has(chunk.matterId);
    const lexical: ScoredChunk[] =
      this.mode === "vector"
        ? []
        : this.bm25
            .search(query.tokens, LEXICAL_CANDIDATES)
            .map(({ index, score }) => ({ chunk: this.chunks[index] as Chunk, score }))
            .filter(({ chunk }) => permitted(chunk));
    const dense: ScoredChunk[] =
      vector && side
        ? side.index
            .search(vector, allowed ? this.chunks.length : DENSE_CANDIDATES)
            .map(({ index, score }) => ({ chunk: this.chunks[index] as Chunk, score }))
            .filter(({ chunk, score }) => permitted(chunk) && score > 0)
            .slice(0, DENSE_CANDIDATES)
        : [];
    const aliasHits = this.mode === "vector" ? new Map<string, number>() : this.aliases.match(query.text);
    for (const matterId of aliasHits.keys()) if (allowed && !allowed.has(matterId)) aliasHits.delete(matterId);

    const lexicalEvidence = (lexical[0]?.score ?? 0) >= MIN_LEXICAL_SCORE || aliasHits.size > 0;
    const denseEvidence = (dense[0]?.score ?? 0) >= MIN_DENSE_SCORE;
    if (!allowed && !lexicalEvidence && !denseEvidence) return empty(query.normalised, query.tokens);

    const signals = { lexical, dense, aliases: aliasHits };
    const chunks = fuseChunks(signals, this.weights, this.method);
    const matters = aggregateMatters(signals, chunks, this.weights, this.method);
    const namedMatters = [...aliasHits].sort((left, right) => right[1] - left[1]).map(([matterId]) => matterId);
    return {
      normalised: query.normalised,
      tokens: query.tokens,
      namedMatters,
      chunks: chunks.slice(0, options.limit ?? 20),
      matters: matters.slice(0, options.limit ?? 10),
    };
  }
}
