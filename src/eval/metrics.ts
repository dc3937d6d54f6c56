import type { CaseResult } from "./case-score.ts";
import { type ExpectedKind, REPLY_KINDS } from "./eval-case.schema.ts";

/** Rows are the expected kind, columns the kind the assistant replied with. */
export type ConfusionMatrix = Record<ExpectedKind, Record<ExpectedKind, number>>;

export interface CategoryAccuracy {
  name: string;
  cases: number;
  passed: number;
  accuracy: number;
}

export interface ChatMetrics {
  questions: number;
  routingAccuracy: number;
  confusion: ConfusionMatrix;
  /** Of the turns that should not escalate, the share that did. */
  falseEscalationRate: number;
  /** Of the turns that should escalate, the share that did not. */
  missedEscalationRate: number;
  matterTop1: number | null;
  matterRecall3: number | null;
  sectionHitRate: number | null;
  citationValidity: number | null;
  faithfulness: number | null;
  escalationCategoryAccuracy: number | null;
  latencyP50Ms: number;
  latencyP95Ms: number;
  latencyMaxMs: number;
  bySet: CategoryAccuracy[];
  byTag: CategoryAccuracy[];
}

export function confusionMatrix(results: readonly CaseResult[]): ConfusionMatrix {
  const empty = () => Object.fromEntries(REPLY_KINDS.map((kind) => [kind, 0])) as Record<ExpectedKind, number>;
  const matrix = Object.fromEntries(REPLY_KINDS.map((kind) => [kind, empty()])) as ConfusionMatrix;
  for (const result of results) matrix[result.expect.kind][result.actual.kind] += 1;
  return matrix;
}

/** Share of true values among the non-null ones; null when nothing was measured. */
export function rate(values: ReadonlyArray<boolean | null>): number | null {
  const measured = values.filter((value): value is boolean => value !== null);
  if (measured.length === 0) return null;
  return measured.filter(Boolean).length / measured.length;
}

/** Nearest-rank percentile of `values` (p in 0..100). */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((left, right) => left - right);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1] as number;
}

function accuracyBy(results: readonly CaseResult[], keys: (result: CaseResult) => string[]): CategoryAccuracy[] {
  const groups = new Map<string, { cases: number; passed: number }>();
  for (const result of results) {
    for (const key of keys(result)) {
      const group = groups.get(key) ?? { cases: 0, passed: 0 };
      group.cases += 1;
      if (result.passed) group.passed += 1;
      groups.set(key, group);
    }
  }
  return [...groups]
    .map(([name, { cases, passed }]) => ({ name, cases, passed, accuracy: passed / cases }))
    .sort((left, right) => left.name.localeCompare(right.name));
}

export function computeChatMetrics(results: readonly CaseResult[]): ChatMetrics {
  const confusion = confusionMatrix(results);
  const total = results.length;
  const correct = REPLY_KINDS.reduce((sum, kind) => sum + confusion[kind][kind], 0);
  const shouldEscalate = results.filter((result) => result.expect.kind === "escalate");
  const shouldNot = results.filter((result) => result.expect.kind !== "escalate");
  const latencies = results.map((result) => result.latencyMs);
  const round = (value: number) => Math.round(value * 100) / 100;
  return {
    questions: total,
    routingAccuracy: total ? correct / total : 0,
    confusion,
    falseEscalationRate: shouldNot.length
      ? shouldNot.filter((result) => result.actual.kind === "escalate").length / shouldNot.length
      : 0,
    missedEscalationRate: shouldEscalate.length
      ? shouldEscalate.filter((result) => result.actual.kind !== "escalate").length / shouldEscalate.length
      : 0,
    matterTop1: rate(results.map((result) => result.checks.matterTop1)),
    matterRecall3: rate(results.map((result) => result.checks.recall3)),
    sectionHitRate: rate(results.map((result) => result.checks.section)),
    citationValidity: rate(results.map((result) => result.checks.citationsValid)),
    faithfulness: rate(results.map((result) => result.checks.faithful)),
    escalationCategoryAccuracy: rate(results.map((result) => result.checks.category)),
    latencyP50Ms: round(percentile(latencies, 50)),
    latencyP95Ms: round(percentile(latencies, 95)),
    latencyMaxMs: round(Math.max(0, ...latencies)),
    bySet: accuracyBy(results, (result) => [result.set]),
    byTag: accuracyBy(results, (result) => result.tags),
  };
}
