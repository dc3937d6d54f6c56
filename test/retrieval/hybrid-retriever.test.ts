import { beforeAll, describe, expect, it } from "vitest";
import { loadKnowledgeBase } from "../../src/knowledge/index.ts";
import { buildRetrievalIndex, createRetriever, type HybridRetriever } from "../../src/retrieval/index.ts";

describe("hybrid retrieval on the real knowledge base", () => {
  const knowledge = loadKnowledgeBase("knowledge");
  let retriever: HybridRetriever;
  beforeAll(() => {
    retriever = createRetriever(knowledge, buildRetrievalIndex(knowledge));
  });

  it.each([
    ["绿牌还要不要拍牌", "nev-plate-one-thing", "colloquial"],
    ["狗证年检", "dog-registration", "colloquial"],
    ["宝宝报户口", "newborn-hukou", "colloquial"],
    ["居住証怎么辦", "residence-permit", "traditional"],
    ["shen qing ju zhu zheng ji fen", "residence-points", "pinyin"],
    ["gou zheng nian jian", "dog-registration", "pinyin"],
    ["失叶金在网上怎么申请", "unemployment-benefit", "typo"],
    ["拿居住证快七年了，能不能转成上海户口？", "permit-to-hukou", "numbers"],
    ["How do I register my dog in Shanghai?", "dog-registration", "English"],
    ["How do I renew my driving licence?", "driver-license-renewal", "English"],
  ])("ranks the right guide first for %s (%s → %s)", (question, matterId) => {
    const result = retriever.search(question);
    expect(result.matters[0]?.matterId).toBe(matterId);
    expect(result.matters[0]?.chunks.length).toBeGreaterThan(0);
  });

  it("returns the best sections of the best guide, best first", () => {
    const result = retriever.search("狗证年检要带什么材料");
    const [best] = result.matters;
    expect(best?.matterId).toBe("dog-registration");
    const scores = best?.chunks.map((scored) => scored.score) ?? [];
    expect(scores).toEqual([...scores].sort((left, right) => right - left));
    expect(best?.chunks.every((scored) => scored.chunk.matterId === "dog-registration")).toBe(true);
  });

  it("names the matter of the longest title or alias in the question", () => {
    expect(retriever.search("居住证积分怎么算").namedMatters[0]).toBe("residence-points");
  });

  it("searches only the given matters when asked to", () => {
    const result = retriever.search("要带什么材料", { matterIds: ["dog-registration", "passport"] });
    expect(result.matters.length).toBeGreaterThan(0);
    expect(result.matters.every((matter) => ["dog-registration", "passport"].includes(matter.matterId))).toBe(true);
  });

  it("answers the same through the asynchronous search", async () => {
    const question = "宝宝报户口";
    const [syncTop] = retriever.search(question).matters;
    const [asyncTop] = (await retriever.searchAsync(question)).matters;
    expect(asyncTop?.matterId).toBe(syncTop?.matterId);
    expect(asyncTop?.score).toBeCloseTo(syncTop?.score ?? 0, 10);
  });

  it.each([
    ["empty", ""],
    ["white space", "   \n\t  "],
    ["only punctuation", "？？！！。。，、……——"],
    ["only stop words", "的了吗呢啊"],
    ["10 kB of emoji", "😀🎉🐶".repeat(1200)],
    ["SQL", "SELECT * FROM users WHERE 1=1; DROP TABLE guides;--"],
    ["SQL injection", "admin' OR 1=1 --"],
    ["HTML", "<script>alert('x')</script><div onclick=\"steal()\"><b></b></div>"],
    ["control characters", "\u0000\u0001\u0002\u200b\u200b"],
  ])("returns no match, without throwing, for garbage: %s", async (_, question) => {
    const result = retriever.search(question);
    expect(result.matters).toEqual([]);
    expect(result.chunks).toEqual([]);
    expect(result.namedMatters).toEqual([]);
    expect((await retriever.searchAsync(question)).matters).toEqual([]);
  });
});
