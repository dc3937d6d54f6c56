import { describe, expect, it } from "vitest";
import { foldNumbers, parseChineseNumber, stemEnglish } from "../../src/text/index.ts";

describe("foldNumbers", () => {
  it("writes quantities in digits so they meet the guides' numbers", () => {
    expect(foldNumbers("拿居住证快七年了")).toBe("拿居住证快7年了");
    expect(foldNumbers("二十四小时内")).toBe("24小时内");
    expect(foldNumbers("两个月")).toBe("2个月");
    expect(foldNumbers("三百五十元")).toBe("350元");
  });

  it("leaves words that merely contain a numeral alone", () => {
    expect(foldNumbers("一网通办")).toBe("一网通办");
    expect(foldNumbers("出生一件事")).toBe("出生一件事");
    expect(foldNumbers("十分方便")).toBe("十分方便");
  });
});

describe("parseChineseNumber", () => {
  it("reads positional and digit-by-digit numerals", () => {
    expect(parseChineseNumber("二十四")).toBe(24);
    expect(parseChineseNumber("十八")).toBe(18);
    expect(parseChineseNumber("两千零五")).toBe(2005);
    expect(parseChineseNumber("二零二四")).toBe(2024);
    expect(parseChineseNumber("三万五千")).toBe(35000);
  });
});

describe("stemEnglish", () => {
  it("brings the forms of a word to one stem", () => {
    const stems = ["registration", "register", "registering", "registered"].map(stemEnglish);
    expect(new Set(stems).size).toBe(1);
    expect(stemEnglish("renewal")).toBe(stemEnglish("renew"));
    expect(stemEnglish("applied")).toBe(stemEnglish("apply"));
  });
});
