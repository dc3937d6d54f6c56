import { beforeAll, describe, expect, it } from "vitest";
import {
  EligibilityService,
  InvalidFactError,
  NoEligibilityRulesError,
  UnknownMatterError,
} from "../../src/eligibility/index.ts";
import { type KnowledgeBase, loadKnowledgeBase } from "../../src/knowledge/index.ts";

let knowledge: KnowledgeBase;
let service: EligibilityService;

beforeAll(() => {
  knowledge = loadKnowledgeBase("knowledge");
  service = new EligibilityService(knowledge, () => new Date("2026-06-01T00:00:00Z"));
});

describe("EligibilityService over the real guides", () => {
  it("finds at least ten matters with eligibility rules and forms", () => {
    expect(knowledge.guides.filter((guide) => guide.eligibility).length).toBeGreaterThanOrEqual(10);
    expect(knowledge.guides.filter((guide) => guide.form).length).toBeGreaterThanOrEqual(10);
  });

  it("answers eligible with the contract's fields, a notice and citations", () => {
    const check = service.check("senior-card", { hukouShanghai: true, age: 72 });
    expect(check).toMatchObject({ matterId: "senior-card", outcome: "eligible", missing: [], failed: [] });
    expect(check.notice).toContain("预判");
    expect(check.citations?.[0]).toMatchObject({ matterId: "senior-card", section: "conditions" });
  });

  it("answers not-eligible with each failed rule's message and section", () => {
    const check = service.check("residence-points", {
      hasResidencePermit: true,
      hasStableJob: true,
      socialInsuranceMonths: 3,
      estimatedPoints: 100,
    });
    expect(check.outcome).toBe("not-eligible");
    expect(check.failed.map((failed) => failed.rule)).toEqual(["social-insurance-six-months", "standard-120-points"]);
    expect(check.failed[0]).toMatchObject({ section: "conditions", message: expect.stringContaining("6个月") });
  });

  it("answers undetermined with the missing facts and their plain-words questions", () => {
    const check = service.check("residence-points", { hasResidencePermit: true });
    expect(check.outcome).toBe("undetermined");
    expect(check.missing).toEqual(["hasStableJob", "socialInsuranceMonths", "estimatedPoints"]);
    expect(check.questions?.[0]?.ask).toContain("工作");
  });

  it("keeps each fact's source", () => {
    const check = service.check("senior-card", { age: { value: 70, source: "profile" }, hukouShanghai: true });
    expect(check.facts).toEqual({
      age: { value: 70, source: "profile" },
      hukouShanghai: { value: true, source: "citizen" },
    });
  });

  it("answers in English when asked", () => {
    const check = service.check("residence-points", { hasResidencePermit: false }, { lang: "en" });
    expect(check.failed[0]?.message).toMatch(/Residence Permit/);
  });

  it("throws typed errors for an unknown matter, a matter without rules and a fact of the wrong type", () => {
    expect(() => service.check("no-such-matter", {})).toThrow(UnknownMatterError);
    expect(() => service.check("platform-overview", {})).toThrow(NoEligibilityRulesError);
    expect(() => service.check("senior-card", { age: "seventy" })).toThrow(InvalidFactError);
    expect(() => service.check("senior-card", { notAFact: true })).toThrow(/facts\.notAFact/);
  });
});
