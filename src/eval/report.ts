import type { CaseResult } from "./case-score.ts";
import type { FlowScore } from "./flow-scorer.ts";
import type { ChatMetrics } from "./metrics.ts";
import type { ThresholdCheck } from "./thresholds.ts";

/** Metrics compared between runs and against thresholds (contract 6 keys first). */
export const HEADLINE_METRICS = [
  "questions",
  "routingAccuracy",
  "matterTop1",
  "matterRecall3",
  "citationValidity",
  "eligibilityAccuracy",
  "latencyP50Ms",
  "latencyP95Ms",
  "sectionHitRate",
  "faithfulness",
  "falseEscalationRate",
  "missedEscalationRate",
  "escalationCategoryAccuracy",
  "prefillFieldAccuracy",
] as const;
export type HeadlineMetric = (typeof HEADLINE_METRICS)[number];

export interface Comparison {
  previousRunAt: string;
  metrics: Array<{ metric: string; previous: number | null; current: number | null; delta: number | null }>;
  /** Case ids that failed before and pass now, and the other way round. */
  improved: string[];
  regressed: string[];
  added: string[];
  removed: string[];
}

export interface EvalReport extends Omit<ChatMetrics, "questions"> {
  schemaVersion: 1;
  runAt: string;
  mode: "offline" | "llm";
  durationMs: number;
  questions: number;
  eligibilityAccuracy: number | null;
  prefillFieldAccuracy: number | null;
  eligibility: Omit<FlowScore, "accuracy">;
  prefill: Omit<FlowScore, "accuracy">;
  thresholds: { passed: boolean; checks: ThresholdCheck[] };
  comparison: Comparison | null;
  warnings: string[];
  cases: CaseResult[];
}

/** The headline numbers of a report, by name. */
export function headline(report: Partial<EvalReport>): Record<HeadlineMetric, number | null> {
  return Object.fromEntries(
    HEADLINE_METRICS.map((metric) => {
      const value = report[metric];
      return [metric, typeof value === "number" ? value : null];
    }),
  ) as Record<HeadlineMetric, number | null>;
}

/** What changed since `previous`: metric deltas and cases that flipped, by id. */
export function compareReports(previous: Partial<EvalReport>, current: EvalReport): Comparison {
  const before = headline(previous);
  const after = headline(current);
  const previousCases = new Map((previous.cases ?? []).map((result) => [result.id, result.passed]));
  const currentCases = new Map(current.cases.map((result) => [result.id, result.passed]));
  const improved: string[] = [];
  const regressed: string[] = [];
  const added: string[] = [];
  for (const [id, passed] of currentCases) {
    const was = previousCases.get(id);
    if (was === undefined) added.push(id);
    else if (!was && passed) improved.push(id);
    else if (was && !passed) regressed.push(id);
  }
  const removed = [...previousCases.keys()].filter((id) => !currentCases.has(id));
  return {
    previousRunAt: previous.runAt ?? "unknown",
    metrics: HEADLINE_METRICS.map((metric) => {
      const previousValue = before[metric];
      const currentValue = after[metric];
      const delta =
        previousValue === null || currentValue === null
          ? null
          : Math.round((currentValue - previousValue) * 10000) / 10000;
      return { metric, previous: previousValue, current: currentValue, delta };
    }),
    improved,
    regressed,
    added,
    removed,
  };
}
