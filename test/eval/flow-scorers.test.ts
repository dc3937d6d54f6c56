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
  it("scores each labelled field from the consented profile and the conversation, raw or masked", async () => {
    const score = await scorePrefill(app, [
      {
        id: "granted",
        matterId: "residence-points",
        citizen: "demo-li-ming",
        conversation: ["我自测积分大概125分"],
        expect: { fields: { fullName: "李明", estimatedPoints: "125", phone: "13800000000" } },
      },
    ]);
    expect(score.accuracy).toBe(2 / 3);
    expect(score.results[0]?.problems).toEqual([expect.stringContaining("phone")]);
  });

  it("reads nothing from the profile when the case withholds consent, even after a granted case", async () => {
    const score = await scorePrefill(app, [
      {
        id: "granted",
        matterId: "residence-points",
        citizen: "demo-li-ming",
        expect: { fields: { fullName: "李明" } },
      },
      {
        id: "refused",
        matterId: "residence-points",
        citizen: "demo-li-ming",
        consent: false,
        expect: { fields: { fullName: null } },
      },
    ]);
    expect(score.results.map((result) => [result.id, result.passed])).toEqual([
      ["granted", true],
      ["refused", true],
    ]);
  });
});
