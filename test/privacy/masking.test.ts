import { describe, expect, it } from "vitest";
import { detectPii, maskDeep, maskText } from "../../src/privacy/index.ts";

// Test numbers: valid in shape only; the ID below uses a made-up sequence.
const ID = "310101199003071234";

describe("maskText", () => {
  it("masks an ID-card number keeping the first and last four", () => {
    expect(maskText(`我的身份证是${ID}，帮我看看`)).toBe("我的身份证是3101**********1234，帮我看看");
  });

  it("masks an ID ending in X", () => {
    expect(maskText("31010119900307123X")).toBe("3101**********123X");
  });

  it("masks a mobile number as 138****5678, with or without +86 and spaces", () => {
    expect(maskText("电话13812345678")).toBe("电话138****5678");
    expect(maskText("call +86 138 1234 5678")).toBe("call 138****5678");
  });

  it("masks a bank card and an email", () => {
    expect(maskText("卡号6222021234567890123")).toBe("卡号6222***********0123");
    expect(maskText("mail zhang.san@example.com")).toBe("mail z***@example.com");
  });

  it("leaves ordinary numbers alone", () => {
    expect(maskText("社保交了24个月，积分120分，2026年")).toBe("社保交了24个月，积分120分，2026年");
  });

  it("masks every string inside nested objects", () => {
    expect(maskDeep({ a: [{ b: `phone 13812345678 id ${ID}` }] })).toEqual({
      a: [{ b: "phone 138****5678 id 3101**********1234" }],
    });
  });

  it("detects the kinds of PII present", () => {
    expect(detectPii(`${ID} 13812345678`)).toEqual(["idCard", "phone"]);
  });
});
