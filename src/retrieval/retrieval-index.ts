import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { KnowledgeBase } from "../knowledge/index.ts";
import {
  addDomainWords,
  lexiconHash,
  loadMatterAliases,
  loadSynonymGroups,
  type PinyinEntry,
  pinyinTable,
  QueryExpander,
} from "../text/index.ts";
import { AliasMatcher } from "./alias-matcher.ts";
import { type Bm25Data, Bm25Index } from "./bm25.ts";
import { buildChunks, type Chunk } from "./chunk.ts";
import { DenseIndex } from "./dense-index.ts";
import { domainWords, pinyinTerms } from "./domain-words.ts";
import type { Embedder } from "./embedder.ts";
import { type HybridOptions, HybridRetriever } from "./hybrid-retriever.ts";
import { DEFAULT_LSA_DIMENSIONS, LsaEmbedder, lsaEmbedderId } from "./lsa-embedder.ts";
import { indexTokens } from "./tokens.ts";

const INDEX_VERSION = 3;
const INDEX_FILE = "retrieval-index.json";
const VECTORS_FILE = "vectors.hnsw";

export interface IndexMeta {
  version: number;
  contentHash: string;
  /** Hash of src/text/lexicon: synonyms and aliases change segmentation and expansion. */
  lexiconHash: string;
  builtAt: string;
  chunkCount: number;
  buildMs: number;
  /** Which embedder built the vectors (a different one makes the index stale). */
  embedder: { id: string; dimensions: number };
}

/** The lexical part, stored as JSON. */
export interface RetrievalIndexData {
  meta: IndexMeta;
  chunks: Chunk[];
  bm25: Bm25Data;
  /** Pinyin of the terms a citizen may type as pinyin, so loading need not run pinyin-pro. */
  pinyin: PinyinEntry[];
}

/** A whole index in memory: the lexical data plus the embedder and its vectors. */
export interface RetrievalIndex extends RetrievalIndexData {
  embedder: Embedder;
  dense: DenseIndex;
}

/** Which embedder an index should use: the local LSA (fitted at build time) or a given one. */
export type EmbedderChoice = { kind: "local"; dimensions?: number } | { kind: "given"; embedder: Embedder };

const LOCAL: EmbedderChoice = { kind: "local" };

function choiceId(choice: EmbedderChoice): string {
  return choice.kind === "local" ? lsaEmbedderId(choice.dimensions ?? DEFAULT_LSA_DIMENSIONS) : choice.embedder.id;
}

function prepareLexical(knowledge: KnowledgeBase) {
  const started = performance.now();
  const synonyms = loadSynonymGroups();
  const extraAliases = loadMatterAliases();
  addDomainWords(domainWords(knowledge, synonyms, extraAliases));
  const chunks = buildChunks(knowledge, extraAliases);
  const tokens = chunks.map((chunk) => indexTokens(chunk.indexText));
  const bm25 = Bm25Index.build(tokens);
  return { chunks, tokens, bm25, pinyin: pinyinTable(pinyinTerms(knowledge, synonyms, extraAliases)), started };
}

function assemble(
  knowledge: KnowledgeBase,
  lexical: ReturnType<typeof prepareLexical>,
  embedder: Embedder,
  vectors: Float32Array[],
): RetrievalIndex {
  const dense = DenseIndex.build(vectors, embedder.dimensions);
  const meta: IndexMeta = {
    version: INDEX_VERSION,
    contentHash: knowledge.contentHash,
    lexiconHash: lexiconHash(),
    builtAt: new Date().toISOString(),
    chunkCount: lexical.chunks.length,
    buildMs: Math.round(performance.now() - lexical.started),
    embedder: { id: embedder.id, dimensions: embedder.dimensions },
  };
  return { meta, chunks: lexical.chunks, bm25: lexical.bm25.toJSON(), pinyin: lexical.pinyin, embedder, dense };
}

/** Builds the index with the local embedder, synchronously (start-up and `xiaoshen index`). */
export function buildRetrievalIndex(knowledge: KnowledgeBase, dimensions = DEFAULT_LSA_DIMENSIONS): RetrievalIndex {
  const lexical = prepareLexical(knowledge);
  const embedder = LsaEmbedder.fitTokens(lexical.tokens, dimensions);
  return assemble(knowledge, lexical, embedder, embedder.embedTokens(lexical.tokens));
}

/** Builds the index with any embedder (a remote one embeds the chunks over the network). */
export async function buildRetrievalIndexWith(
  knowledge: KnowledgeBase,
  choice: EmbedderChoice = LOCAL,
): Promise<RetrievalIndex> {
  if (choice.kind === "local") return buildRetrievalIndex(knowledge, choice.dimensions);
  const lexical = prepareLexical(knowledge);
  const vectors = await choice.embedder.embed(lexical.chunks.map((chunk) => chunk.indexText));
  return assemble(knowledge, lexical, choice.embedder, vectors);
}

export function saveRetrievalIndex(directory: string, index: RetrievalIndex): void {
  mkdirSync(directory, { recursive: true });
  // Write then rename, metadata last: a crash mid-write never leaves a torn index that looks valid.
  if (index.embedder instanceof LsaEmbedder) index.embedder.save(directory);
  const vectors = join(directory, VECTORS_FILE);
  index.dense.save(`${vectors}.tmp`);
  renameSync(`${vectors}.tmp`, vectors);
  const target = join(directory, INDEX_FILE);
  const data: RetrievalIndexData = { meta: index.meta, chunks: index.chunks, bm25: index.bm25, pinyin: index.pinyin };
  writeFileSync(`${target}.tmp`, JSON.stringify(data));
  renameSync(`${target}.tmp`, target);
}

/**
 * The saved index when it was built from this knowledge content by this embedder; undefined when
 * missing, unreadable or stale.
 */
export function readRetrievalIndex(
  directory: string,
  knowledge: KnowledgeBase,
  choice: EmbedderChoice = LOCAL,
): RetrievalIndex | undefined {
  const path = join(directory, INDEX_FILE);
  if (!existsSync(path)) return undefined;
  try {
    const data = JSON.parse(readFileSync(path, "utf8")) as RetrievalIndexData;
    const { meta } = data;
    if (meta?.version !== INDEX_VERSION || meta.contentHash !== knowledge.contentHash) return undefined;
    if (meta.lexiconHash !== lexiconHash()) return undefined;
    if (meta.embedder?.id !== choiceId(choice)) return undefined;
    const embedder = choice.kind === "local" ? LsaEmbedder.load(directory) : choice.embedder;
    if (!embedder || embedder.id !== meta.embedder.id) return undefined;
    const dense = DenseIndex.load(join(directory, VECTORS_FILE), meta.embedder.dimensions);
    if (dense.size !== data.chunks.length) return undefined;
    return { ...data, embedder, dense };
  } catch {
    return undefined; // unreadable index: rebuild
  }
}

/** Loads the on-disk index when it is current, else builds and saves a new one (local embedder). */
export function ensureRetrievalIndex(
  directory: string,
  knowledge: KnowledgeBase,
): { index: RetrievalIndex; rebuilt: boolean } {
  const existing = readRetrievalIndex(directory, knowledge);
  if (existing) return { index: existing, rebuilt: false };
  // Several apps in one process (tests, tools) share one build of the same content.
  const key = `${knowledge.contentHash}:${lexiconHash()}`;
  const index = lastLocalBuild?.key === key ? lastLocalBuild.index : buildRetrievalIndex(knowledge);
  lastLocalBuild = { key, index };
  saveRetrievalIndex(directory, index);
  return { index, rebuilt: true };
}

let lastLocalBuild: { key: string; index: RetrievalIndex } | undefined;

/** As ensureRetrievalIndex, for any embedder. */
export async function ensureRetrievalIndexWith(
  directory: string,
  knowledge: KnowledgeBase,
  choice: EmbedderChoice,
): Promise<{ index: RetrievalIndex; rebuilt: boolean }> {
  const existing = readRetrievalIndex(directory, knowledge, choice);
  if (existing) return { index: existing, rebuilt: false };
  const index = await buildRetrievalIndexWith(knowledge, choice);
  saveRetrievalIndex(directory, index);
  return { index, rebuilt: true };
}

export function createRetriever(
  knowledge: KnowledgeBase,
  index: RetrievalIndex,
  options: HybridOptions = {},
): HybridRetriever {
  const synonyms = loadSynonymGroups();
  const extraAliases = loadMatterAliases();
  addDomainWords(domainWords(knowledge, synonyms, extraAliases));
  return new HybridRetriever(
    index.chunks,
    Bm25Index.fromJSON(index.bm25),
    new AliasMatcher(knowledge, extraAliases),
    new QueryExpander(synonyms, index.pinyin),
    { embedder: index.embedder, index: index.dense },
    options,
  );
}

/**
 * Loads or builds the index of an asynchronous (remote) embedder and gives its vectors to the
 * retriever's searchAsync once ready; the local index keeps serving until then and if it fails.
 */
export async function attachAsyncEmbedder(
  retriever: HybridRetriever,
  directory: string,
  knowledge: KnowledgeBase,
  embedder: Embedder,
): Promise<{ meta: IndexMeta; rebuilt: boolean }> {
  const { index, rebuilt } = await ensureRetrievalIndexWith(directory, knowledge, { kind: "given", embedder });
  retriever.useAsyncDense({ embedder: index.embedder, index: index.dense });
  return { meta: index.meta, rebuilt };
}
