import { describe, expect, it } from "vitest";
import { evaluateCondition, evaluateEligibility, yearsSince } from "../../src/eligibility/index.ts";
import type { EligibilityRule } from "../../src/knowledge/index.ts";

const now = new Date("2026-06-01T00:00:00Z");
const leaf = (fact: string, op: "eq" | "gte" | "in" | "notIn" | "yearsSinceGte", value: unknown) =>
  ({ fact, op, value }) as never;

describe("evaluateCondition (three-valued)", () => {
  it("is true for `any` with one true child even when the others are unknown", () => {
    const result = evaluateCondition({ any: [leaf("a", "eq", true), leaf("b", "eq", true)] }, { a: true }, now);
    expect(result).toEqual({ truth: true, missing: [] });
  });

  it("is unknown for `any` with false and unknown children, naming the missing fact", () => {
    const result = evaluateCondition({ any: [leaf("a", "eq", true), leaf("b", "eq", true)] }, { a: false }, now);
    expect(result).toEqual({ truth: undefined, missing: ["b"] });
  });

  it("is false for `all` with one false child even when the others are unknown", () => {
    const result = evaluateCondition({ all: [leaf("a", "gte", 6), leaf("b", "eq", true)] }, { a: 3 }, now);
    expect(result).toEqual({ truth: false, missing: [] });
  });

  it("negates known values and keeps unknown ones unknown under `not`", () => {
    expect(evaluateCondition({ not: leaf("a", "eq", true) }, { a: true }, now).truth).toBe(false);
    expect(evaluateCondition({ not: leaf("a", "eq", true) }, {}, now)).toEqual({ truth: undefined, missing: ["a"] });
  });

  it("compares lists and dates", () => {
    expect(evaluateCondition(leaf("d", "in", ["pudong", "xuhui"]), { d: "xuhui" }, now).truth).toBe(true);
    expect(evaluateCondition(leaf("d", "notIn", ["pudong"]), { d: "pudong" }, now).truth).toBe(false);
    expect(evaluateCondition(leaf("born", "yearsSinceGte", 70), { born: "1956-05-31" }, now).truth).toBe(true);
    expect(evaluateCondition(leaf("born", "yearsSinceGte", 70), { born: "1956-06-02" }, now).truth).toBe(false);
    expect(yearsSince("2000-06-01", now)).toBe(26);
  });
});

const rule = (id: string, when: unknown): EligibilityRule =>
  ({ id, section: "conditions", clause: id, message: { zh: id, en: id }, when }) as EligibilityRule;

describe("evaluateEligibility", () => {
  const block = {
    ask: ["months", "job"],
    rules: [rule("months", leaf("months", "gte", 6)), rule("job", leaf("job", "eq", true))],
  };

  it("is eligible when every rule holds", () => {
    expect(evaluateEligibility(block, { months: 6, job: true }, now).outcome).toBe("eligible");
  });

  it("is not-eligible with the failed rules, even when other facts are missing", () => {
    const result = evaluateEligibility(block, { months: 5 }, now);
    expect(result.outcome).toBe("not-eligible");
    expect(result.failed.map((failed) => failed.id)).toEqual(["months"]);
    expect(result.missing).toEqual([]);
  });

  it("is undetermined with the missing facts in asking order", () => {
    const result = evaluateEligibility({ ...block, ask: ["job", "months"] }, {}, now);
    expect(result).toMatchObject({ outcome: "undetermined", missing: ["job", "months"] });
  });
});
