import { z } from "zod";
import type { App } from "../app.ts";
import type { FactValue } from "../eligibility/index.ts";
import { type FlowScore, factValueSchema, notMeasured, parseFlowLines } from "./flow-scorer.ts";

const ruleReference = z.union([z.string(), z.looseObject({ rule: z.string() })]);
const eligibilityLineSchema = z.looseObject({
  id: z.string().min(1),
  matterId: z.string().min(1),
  facts: z.record(z.string(), factValueSchema).default({}),
  expect: z.looseObject({
    outcome: z.enum(["eligible", "not-eligible", "undetermined"]),
    failed: z.array(ruleReference).optional(),
    missing: z.array(z.string()).optional(),
  }),
});

interface EligibilityChecker {
  check(
    matterId: string,
    facts: Record<string, FactValue>,
  ): {
    outcome: string;
    failed: Array<{ rule: string }>;
    missing: string[];
  };
}

const sameSet = (left: readonly string[], right: readonly string[]) =>
  left.length === right.length && left.every((item) => right.includes(item));

/**
 * Eligibility accuracy over eval/sets/eligibility.jsonl: a case passes when the outcome, and the
 * failed rules and missing facts where labelled, match `app.eligibility.check(matterId, facts)`.
 */
export function scoreEligibility(app: App, lines: unknown[] | undefined): FlowScore {
  if (!lines) return notMeasured("eval/sets/eligibility.jsonl is absent");
  const checker: EligibilityChecker = app.eligibility;
  const results = parseFlowLines(lines, eligibilityLineSchema).map(({ id, value, problem }) => {
    if (!value) return { id, passed: false, problems: [problem ?? "invalid"] };
    const problems: string[] = [];
    try {
      const verdict = checker.check(value.matterId, value.facts);
      if (verdict.outcome !== value.expect.outcome)
        problems.push(`outcome: expected ${value.expect.outcome}, got ${verdict.outcome}`);
      const expectedFailed = value.expect.failed?.map((item) => (typeof item === "string" ? item : item.rule));
      const failed = verdict.failed.map((item) => item.rule);
      if (expectedFailed && !sameSet(expectedFailed, failed))
        problems.push(`failed: expected [${expectedFailed.join(", ")}], got [${failed.join(", ")}]`);
      if (value.expect.missing && !sameSet(value.expect.missing, verdict.missing))
        problems.push(`missing: expected [${value.expect.missing.join(", ")}], got [${verdict.missing.join(", ")}]`);
    } catch (error) {
      problems.push(`error: ${(error as Error).message}`);
    }
    return { id, passed: problems.length === 0, problems };
  });
  const passed = results.filter((result) => result.passed).length;
  return {
    accuracy: results.length ? passed / results.length : null,
    cases: results.length,
    passed,
    results,
  };
}
