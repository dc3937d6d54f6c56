import { describe, expect, it } from "vitest";
import { PinyinMatcher, QueryExpander } from "../../src/text/index.ts";

const terms = ["居住证", "居住证积分", "申请", "狗证", "驾照", "机动车驾驶证"];

describe("PinyinMatcher", () => {
  const matcher = new PinyinMatcher(terms);

  it("reads toneless pinyin with or without spaces as Han terms, longest first", () => {
    expect(matcher.match("shen qing ju zhu zheng ji fen")).toEqual(["居住证积分", "申请"]);
    expect(matcher.match("juzhuzheng")).toEqual(["居住证"]);
  });

  it("does not mistake English for pinyin", () => {
    expect(matcher.match("how do i change my residence permit")).toEqual([]);
  });

  it("writes the pinyin run in Han and keeps the rest of the question", () => {
    expect(matcher.transliterate("ju zhu zheng ji fen 怎么办").replace(/\s+/g, " ").trim()).toBe("居住证积分 怎么办");
  });
});

describe("QueryExpander", () => {
  const expander = new QueryExpander([["机动车驾驶证", "驾照"]], terms);

  it("adds official terms for colloquial ones, also after pinyin", () => {
    expect(expander.expand("驾照到期")).toEqual(["机动车驾驶证"]);
    expect(expander.rewrite("jia zhao dao qi")).toContain("机动车驾驶证");
  });
});
