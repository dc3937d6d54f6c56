import { describe, expect, it } from "vitest";
import { detectLanguage, isBlank, normalise } from "../../src/text/index.ts";

describe("normalise", () => {
  it("turns traditional characters into simplified", () => {
    expect(normalise("居住證怎麼辦")).toBe("居住证怎么办");
  });

  it("folds full-width letters and digits, and lower-cases", () => {
    expect(normalise("ＡＰＰ上办１２３４５")).toBe("app上办12345");
  });

  it("removes emoji and control characters", () => {
    expect(normalise("居住证😀\u0007办理")).toBe("居住证 办理");
  });

  it("treats punctuation-only input as blank", () => {
    expect(isBlank(normalise("！！？？。。"))).toBe(true);
    expect(isBlank(normalise("😀😀😀"))).toBe(true);
  });
});

describe("detectLanguage", () => {
  it("recognises English and Chinese questions", () => {
    expect(detectLanguage("how do I apply for a residence permit")).toBe("en");
    expect(detectLanguage("居住证怎么办")).toBe("zh");
    expect(detectLanguage("app上怎么办居住证")).toBe("zh");
  });
});
