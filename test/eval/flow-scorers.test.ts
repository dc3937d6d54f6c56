import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scoreEligibility } from "../../src/eval/eligibility-scorer.ts";
import { scorePrefill } from "../../src/eval/prefill-scorer.ts";
import { createTestApp } from "../helpers/test-app.ts";

let app: ReturnType<typeof createTestApp>;
beforeAll(() => {
  app = createTestApp();
});
afterAll(() => app.dispose());

describe("eligibility scoring", () => {
  it("passes a case whose outcome and failed rules match and fails one whose label is wrong", () => {
    const score = scoreEligibility(app, [
      {
        id: "right",
        matterId: "residence-permit",
        facts: { hukouShanghai: false, residenceRegistrationMonths: 3, hasStableJob: true },
        expect: { outcome: "not-eligible", failed: ["registered-six-months"] },
      },
      {
        id: "wrong",
        matterId: "residence-permit",
        facts: { hukouShanghai: false, residenceRegistrationMonths: 8, hasStableJob: true },
        expect: { outcome: "not-eligible" },
      },
    ]);
    expect(score.results.map((result) => [result.id, result.passed])).toEqual([
      ["right", true],
      ["wrong", false],
    ]);
    expect(score.accuracy).toBe(0.5);
  });

  it("reports null with a note when the set is absent", () => {
    const score = scoreEligibility(app, undefined);
    expect(score.accuracy).toBeNull();
    expect(score.note).toContain("eligibility.jsonl");
  });

  it("fails a malformed line instead of stopping the run", () => {
    const score = scoreEligibility(app, [{ id: "bad", matterId: "residence-permit" }]);
    expect(score.results[0]?.problems[0]).toContain("expect");
  });
});

describe("pre-fill scoring", () => {
  it("counts each labelled field, accepting a raw ID number for a masked field", () => {
    const score = scorePrefill(app, [
      {
        id: "p1",
        matterId: "residence-permit",
        profile: { name: "张三", idNumber: "110101199003074519" },
        conversation: ["我住在浦东新区"],
        expect: {
          fields: { fullName: "张三", idNumber: "110101199003074519", district: "浦东新区", phone: "13800000000" },
        },
      },
    ]);
    expect(score.accuracy).toBe(3 / 4);
    expect(score.results[0]?.problems).toEqual([expect.stringContaining("phone")]);
  });
});
