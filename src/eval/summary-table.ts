import type { EvalReport } from "./report.ts";

const percent = (value: number | null) => (value === null ? "n/a" : `${(value * 100).toFixed(1)}%`);
const milliseconds = (value: number | null) => (value === null ? "n/a" : `${value.toFixed(2)} ms`);

function table(rows: string[][]): string[] {
  const widths = rows[0]?.map((_, column) => Math.max(...rows.map((row) => displayWidth(row[column] ?? "")))) ?? [];
  return rows.map((row) =>
    row.map((cell, column) => cell + " ".repeat((widths[column] ?? 0) - displayWidth(cell))).join("  "),
  );
}

/** CJK characters take two terminal columns. */
function displayWidth(text: string): number {
  let width = 0;
  for (const character of text)
    width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\uff00-\uff60]/u.test(character) ? 2 : 1;
  return width;
}

/** The summary printed on stdout: headline metrics with their thresholds, sets, confusion, changes. */
export function formatSummary(report: EvalReport): string {
  const limitOf = (metric: string) => {
    const check = report.thresholds.checks.find((item) => item.metric === metric);
    if (!check) return ["", ""];
    const limit = metric.endsWith("Ms") ? `${check.limit} ms` : percent(check.limit);
    const verdict = check.value === null ? "skipped" : check.passed ? "ok" : "FAIL";
    return [`${check.bound === "min" ? "≥" : "≤"} ${limit}`, verdict];
  };
  const metricRows: Array<[string, string, string]> = [
    ["routingAccuracy", "routing accuracy", percent(report.routingAccuracy)],
    ["falseEscalationRate", "false escalation", percent(report.falseEscalationRate)],
    ["missedEscalationRate", "missed escalation", percent(report.missedEscalationRate)],
    ["matterTop1", "matter top-1", percent(report.matterTop1)],
    ["matterRecall3", "matter recall@3", percent(report.matterRecall3)],
    ["sectionHitRate", "section hit", percent(report.sectionHitRate)],
    ["citationValidity", "citation validity", percent(report.citationValidity)],
    ["faithfulness", "faithfulness", percent(report.faithfulness)],
    ["escalationCategoryAccuracy", "escalation category", percent(report.escalationCategoryAccuracy)],
    ["eligibilityAccuracy", "eligibility accuracy", percent(report.eligibilityAccuracy)],
    ["prefillFieldAccuracy", "pre-fill field accuracy", percent(report.prefillFieldAccuracy)],
    ["latencyP50Ms", "latency p50", milliseconds(report.latencyP50Ms)],
    ["latencyP95Ms", "latency p95", milliseconds(report.latencyP95Ms)],
  ];
  const lines = [
    `小申 eval · ${report.mode} · ${report.questions} questions · ${report.durationMs} ms`,
    "",
    ...table([
      ["metric", "value", "threshold", ""],
      ...metricRows.map(([key, label, value]) => [label, value, ...limitOf(key)]),
    ]),
    "",
    ...table([
      ["set", "cases", "passed", "accuracy"],
      ...report.bySet.map((set) => [set.name, String(set.cases), String(set.passed), percent(set.accuracy)]),
    ]),
    "",
    "confusion (rows expected, columns replied):",
    ...table([
      ["", "answer", "clarify", "escalate", "refuse"],
      ...Object.entries(report.confusion).map(([expected, row]) => [expected, ...Object.values(row).map(String)]),
    ]),
  ];
  if (report.comparison) {
    const { improved, regressed, previousRunAt } = report.comparison;
    lines.push("", `since ${previousRunAt}: ${improved.length} improved, ${regressed.length} regressed`);
    if (regressed.length) lines.push(`  regressed: ${regressed.join(", ")}`);
    if (improved.length) lines.push(`  improved: ${improved.join(", ")}`);
  }
  for (const warning of report.warnings) lines.push(`warning: ${warning}`);
  const failed = report.thresholds.checks.filter((check) => !check.passed);
  lines.push(
    "",
    failed.length
      ? `FAILED: ${failed.map((check) => `${check.metric} ${check.value ?? "missing"} ${check.bound === "min" ? "<" : ">"} ${check.limit}`).join("; ")}`
      : "all thresholds met",
  );
  return lines.join("\n");
}
