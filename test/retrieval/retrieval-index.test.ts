import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { KnowledgeBase, loadKnowledgeBase } from "../../src/knowledge/index.ts";
import {
  buildRetrievalIndex,
  createRetriever,
  type Embedder,
  ensureRetrievalIndex,
  ensureRetrievalIndexWith,
  l2Normalise,
  type RetrievalIndex,
  readRetrievalIndex,
  saveRetrievalIndex,
} from "../../src/retrieval/index.ts";
import { lexiconHash } from "../../src/text/index.ts";
import { tempDir } from "../helpers/test-app.ts";

/** A deterministic stand-in for a remote model: character codes hashed into 16 dimensions. */
class HashingEmbedder implements Embedder {
  readonly id = "test-hashing:16";
  readonly dimensions = 16;
  calls = 0;
  async embed(texts: readonly string[]): Promise<Float32Array[]> {
    this.calls += 1;
    return texts.map((text) => {
      const vector = new Float32Array(16);
      for (const char of text) {
        const slot = (char.codePointAt(0) ?? 0) % 16;
        vector[slot] = (vector[slot] ?? 0) + 1;
      }
      return l2Normalise(vector);
    });
  }
}

describe("retrieval index on disk", () => {
  const knowledge = loadKnowledgeBase("knowledge");
  const directory = tempDir();
  let built: RetrievalIndex;

  beforeAll(() => {
    built = buildRetrievalIndex(knowledge);
    saveRetrievalIndex(directory.path, built);
  });
  afterAll(() => directory.remove());

  it("records the embedder and the content hash in its metadata", () => {
    expect(built.meta.embedder.id).toMatch(/^local-lsa:/);
    expect(built.meta.embedder.dimensions).toBe(built.embedder.dimensions);
    expect(built.meta.contentHash).toBe(knowledge.contentHash);
    expect(existsSync(join(directory.path, "vectors.hnsw"))).toBe(true);
  });

  it("loads back to an index that answers exactly like the one built", () => {
    const loaded = readRetrievalIndex(directory.path, knowledge);
    expect(loaded?.meta).toEqual(built.meta);
    const question = "外地人在上海办居住证要什么材料";
    const fresh = createRetriever(knowledge, built).search(question);
    const reloaded = createRetriever(knowledge, loaded as RetrievalIndex).search(question);
    expect(reloaded.matters.map((matter) => [matter.matterId, matter.score])).toEqual(
      fresh.matters.map((matter) => [matter.matterId, matter.score]),
    );
    expect(reloaded.chunks.map((scored) => scored.chunk.id)).toEqual(fresh.chunks.map((scored) => scored.chunk.id));
  });

  it("is not reused, and is rebuilt, when the knowledge content changes", () => {
    const changed = new KnowledgeBase(knowledge.guides, knowledge.facts, "0000000000000000");
    expect(readRetrievalIndex(directory.path, changed)).toBeUndefined();
    const copy = tempDir();
    try {
      saveRetrievalIndex(copy.path, built);
      const { index, rebuilt } = ensureRetrievalIndex(copy.path, changed);
      expect(rebuilt).toBe(true);
      expect(index.meta.contentHash).toBe("0000000000000000");
      expect(ensureRetrievalIndex(copy.path, changed).rebuilt).toBe(false);
    } finally {
      copy.remove();
    }
  });

  it("is not reused when it was built with another lexicon (synonyms, aliases)", () => {
    const copy = tempDir();
    try {
      saveRetrievalIndex(copy.path, built);
      const file = join(copy.path, "retrieval-index.json");
      const data = JSON.parse(readFileSync(file, "utf8"));
      expect(data.meta.lexiconHash).toBe(lexiconHash());
      data.meta.lexiconHash = "another-lexicon";
      writeFileSync(file, JSON.stringify(data));
      expect(readRetrievalIndex(copy.path, knowledge)).toBeUndefined();
    } finally {
      copy.remove();
    }
  });

  it("is rebuilt with the new embedder's vectors when the embedder changes", async () => {
    const copy = tempDir();
    try {
      saveRetrievalIndex(copy.path, built);
      const embedder = new HashingEmbedder();
      const first = await ensureRetrievalIndexWith(copy.path, knowledge, { kind: "given", embedder });
      expect(first.rebuilt).toBe(true);
      expect(first.index.meta.embedder).toEqual({ id: "test-hashing:16", dimensions: 16 });
      const second = await ensureRetrievalIndexWith(copy.path, knowledge, { kind: "given", embedder });
      expect(second.rebuilt).toBe(false);
      // And back: the local embedder no longer matches what is on disk.
      expect(readRetrievalIndex(copy.path, knowledge)).toBeUndefined();
      expect(readRetrievalIndex(copy.path, knowledge, { kind: "local", dimensions: 64 })).toBeUndefined();
    } finally {
      copy.remove();
    }
  });
});
