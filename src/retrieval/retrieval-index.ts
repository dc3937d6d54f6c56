import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { KnowledgeBase } from "../knowledge/index.ts";
import { addDomainWords, loadSynonymGroups, normalise, QueryExpander } from "../text/index.ts";
import { AliasMatcher } from "./alias-matcher.ts";
import { type Bm25Data, Bm25Index } from "./bm25.ts";
import { buildChunks, type Chunk } from "./chunk.ts";
import { LexicalRetriever, type Retriever } from "./retriever.ts";
import { indexTokens } from "./tokens.ts";

const INDEX_VERSION = 1;
const INDEX_FILE = "retrieval-index.json";

export interface IndexMeta {
  version: number;
  contentHash: string;
  builtAt: string;
  chunkCount: number;
  buildMs: number;
}

export interface RetrievalIndexData {
  meta: IndexMeta;
  chunks: Chunk[];
  bm25: Bm25Data;
}

/** Terms jieba must keep whole: titles, aliases, material names and the synonym lexicon. */
export function domainWords(knowledge: KnowledgeBase, synonyms: string[][]): string[] {
  const words: string[] = synonyms.flat();
  for (const guide of knowledge.guides) {
    words.push(normalise(guide.title.zh).replace(/[“”"（）()]/g, ""));
    for (const alias of guide.aliases) if (/^\p{Script=Han}+$/u.test(alias)) words.push(normalise(alias));
    for (const material of guide.materials) words.push(normalise(material.name.replace(/[（(].*$/, "")));
  }
  return words;
}

export function buildRetrievalIndex(knowledge: KnowledgeBase): RetrievalIndexData {
  const started = performance.now();
  addDomainWords(domainWords(knowledge, loadSynonymGroups()));
  const chunks = buildChunks(knowledge);
  const bm25 = Bm25Index.build(chunks.map((chunk) => indexTokens(chunk.indexText)));
  const meta: IndexMeta = {
    version: INDEX_VERSION,
    contentHash: knowledge.contentHash,
    builtAt: new Date().toISOString(),
    chunkCount: chunks.length,
    buildMs: Math.round(performance.now() - started),
  };
  return { meta, chunks, bm25: bm25.toJSON() };
}

export function saveRetrievalIndex(directory: string, index: RetrievalIndexData): void {
  mkdirSync(directory, { recursive: true });
  const target = join(directory, INDEX_FILE);
  // Write then rename: a crash mid-write never leaves a torn index behind.
  writeFileSync(`${target}.tmp`, JSON.stringify(index));
  renameSync(`${target}.tmp`, target);
}

export function readRetrievalIndex(directory: string): RetrievalIndexData | undefined {
  const path = join(directory, INDEX_FILE);
  if (!existsSync(path)) return undefined;
  try {
    return JSON.parse(readFileSync(path, "utf8")) as RetrievalIndexData;
  } catch {
    return undefined; // unreadable index: rebuild
  }
}

/** Loads the on-disk index when it matches the knowledge base, else builds and saves a new one. */
export function ensureRetrievalIndex(
  directory: string,
  knowledge: KnowledgeBase,
): { index: RetrievalIndexData; rebuilt: boolean } {
  const existing = readRetrievalIndex(directory);
  if (existing && existing.meta.version === INDEX_VERSION && existing.meta.contentHash === knowledge.contentHash) {
    return { index: existing, rebuilt: false };
  }
  const index = buildRetrievalIndex(knowledge);
  saveRetrievalIndex(directory, index);
  return { index, rebuilt: true };
}

export function createRetriever(knowledge: KnowledgeBase, index: RetrievalIndexData): Retriever {
  const synonyms = loadSynonymGroups();
  addDomainWords(domainWords(knowledge, synonyms));
  const pinyinTerms = [
    ...synonyms.flat(),
    ...knowledge.guides.flatMap((guide) => [normalise(guide.title.zh), ...guide.aliases.map(normalise)]),
  ];
  return new LexicalRetriever(
    index.chunks,
    Bm25Index.fromJSON(index.bm25),
    new AliasMatcher(knowledge),
    new QueryExpander(synonyms, pinyinTerms),
  );
}
