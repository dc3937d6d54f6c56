import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { EligibilityService } from "../../src/eligibility/index.ts";
import { loadKnowledgeBase } from "../../src/knowledge/index.ts";

interface Case {
  id: string;
  matterId: string;
  facts: Record<string, boolean | number | string>;
  expect: { outcome: string; failed: string[] };
}

const cases = readFileSync("eval/sets/eligibility.jsonl", "utf8")
  .trim()
  .split("\n")
  .map((line) => JSON.parse(line) as Case);

describe("eval/sets/eligibility.jsonl", () => {
  it("has at least 60 labelled cases over at least 10 matters", () => {
    expect(cases.length).toBeGreaterThanOrEqual(60);
    expect(new Set(cases.map((item) => item.matterId)).size).toBeGreaterThanOrEqual(10);
  });

  it("is answered with accuracy ≥ 0.98 (outcome and failed rules)", () => {
    const service = new EligibilityService(loadKnowledgeBase("knowledge"));
    const wrong = cases.filter((item) => {
      const check = service.check(item.matterId, item.facts);
      return (
        check.outcome !== item.expect.outcome ||
        JSON.stringify(check.failed.map((failed) => failed.rule)) !== JSON.stringify(item.expect.failed)
      );
    });
    expect(1 - wrong.length / cases.length, wrong.map((item) => item.id).join(", ")).toBeGreaterThanOrEqual(0.98);
  });
});
