import type { CaseResult } from "./case-score.ts";
import { escapeHtml, fractionBars, histogram } from "./html-charts.ts";
import { type EvalReport, HEADLINE_METRICS } from "./report.ts";

const STYLE = `body{font:14px/1.45 system-ui,sans-serif;margin:24px;color:#222;max-width:1200px}
table{border-collapse:collapse;margin:8px 0 20px}td,th{border:1px solid #ccc;padding:3px 8px;text-align:left;vertical-align:top}
th{background:#f3f3f3}.fail{color:#b00020;font-weight:600}.ok{color:#1b7f3b}.num{text-align:right}
h2{margin-top:32px;border-bottom:1px solid #ddd}code{font-size:12px}`;

const format = (metric: string, value: number | null) =>
  value === null
    ? "n/a"
    : metric.endsWith("Ms") || metric === "questions"
      ? String(value)
      : `${(value * 100).toFixed(1)}%`;

function headlineTable(report: EvalReport): string {
  const rows = HEADLINE_METRICS.map((metric) => {
    const value = report[metric];
    const check = report.thresholds.checks.find((item) => item.metric === metric);
    const limit = check ? `${check.bound === "min" ? "≥" : "≤"} ${format(metric, check.limit)}` : "";
    const verdict = !check ? "" : check.value === null ? "skipped" : check.passed ? "ok" : "FAIL";
    const status = verdict ? `<span class="${verdict === "FAIL" ? "fail" : "ok"}">${verdict}</span>` : "";
    return `<tr><td>${metric}</td><td class="num">${format(metric, value)}</td><td>${limit}</td><td>${status}</td></tr>`;
  });
  return `<table><tr><th>metric</th><th>value</th><th>threshold</th><th></th></tr>${rows.join("")}</table>`;
}

function confusionTable(report: EvalReport): string {
  const kinds = Object.keys(report.confusion) as Array<keyof EvalReport["confusion"]>;
  const max = Math.max(1, ...kinds.flatMap((row) => kinds.map((column) => report.confusion[row][column])));
  const cells = kinds.map((row) => {
    const tds = kinds.map((column) => {
      const count = report.confusion[row][column];
      const alpha = (count / max).toFixed(2);
      const colour = row === column ? `rgba(27,127,59,${alpha})` : `rgba(176,0,32,${alpha})`;
      return `<td class="num" style="background:${count ? colour : "transparent"}">${count}</td>`;
    });
    return `<tr><th>${row}</th>${tds.join("")}</tr>`;
  });
  return `<table><tr><th>expected ↓ / replied →</th>${kinds.map((kind) => `<th>${kind}</th>`).join("")}</tr>${cells.join("")}</table>
<p>False escalation ${format("", report.falseEscalationRate)} · missed escalation ${format("", report.missedEscalationRate)}</p>`;
}

function caseRows(cases: readonly CaseResult[]): string {
  return cases
    .map(
      (result) =>
        `<tr><td><code>${escapeHtml(result.id)}</code></td><td>${escapeHtml(result.question)}</td><td>${escapeHtml(
          [result.expect.kind, result.expect.matterId ?? result.expect.options?.join("|"), result.expect.section]
            .filter(Boolean)
            .join(" · "),
        )}</td><td>${escapeHtml(
          [result.actual.kind, result.actual.citations[0] ?? result.actual.options.join("|")]
            .filter(Boolean)
            .join(" · "),
        )}</td><td>${escapeHtml(result.problems.join("; "))}</td></tr>`,
    )
    .join("");
}

function comparisonSection(report: EvalReport): string {
  const comparison = report.comparison;
  if (!comparison) return "<p>No previous report to compare with.</p>";
  const rows = comparison.metrics
    .filter((item) => item.delta !== null && item.delta !== 0)
    .map(
      (item) =>
        `<tr><td>${item.metric}</td><td class="num">${format(item.metric, item.previous)}</td><td class="num">${format(item.metric, item.current)}</td><td class="num">${item.delta}</td></tr>`,
    );
  const list = (ids: string[]) => (ids.length ? ids.map((id) => `<code>${escapeHtml(id)}</code>`).join(", ") : "none");
  return `<p>Compared with the run of ${escapeHtml(comparison.previousRunAt)}.</p>
<table><tr><th>metric</th><th>previous</th><th>now</th><th>Δ</th></tr>${rows.join("") || "<tr><td colspan=4>no change</td></tr>"}</table>
<p><b>Regressed</b> (${comparison.regressed.length}): ${list(comparison.regressed)}</p>
<p><b>Improved</b> (${comparison.improved.length}): ${list(comparison.improved)}</p>
<p>New cases: ${comparison.added.length} · removed: ${comparison.removed.length}</p>`;
}

/** A self-contained HTML page: headline table, charts, confusion matrix, comparison, failing cases. */
export function renderReportHtml(report: EvalReport): string {
  const failing = report.cases.filter((result) => !result.passed || result.problems.length > 0);
  const toBars = (items: EvalReport["bySet"]) =>
    items.map((item) => ({ label: item.name, value: item.accuracy, note: `${item.passed}/${item.cases}` }));
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>小申 eval report</title><style>${STYLE}</style></head><body>
<h1>小申 Xiao Shen · eval report</h1>
<p>${escapeHtml(report.runAt)} · mode ${report.mode} · ${report.questions} questions · ${report.durationMs} ms ·
<span class="${report.thresholds.passed ? "ok" : "fail"}">${report.thresholds.passed ? "all thresholds met" : "THRESHOLDS BREACHED"}</span></p>
${report.warnings.map((warning) => `<p class="fail">warning: ${escapeHtml(warning)}</p>`).join("")}
<h2>Headline metrics</h2>${headlineTable(report)}
<h2>Accuracy by set</h2>${fractionBars(toBars(report.bySet), "accuracy by set")}
<h2>Accuracy by tag</h2>${fractionBars(toBars(report.byTag), "accuracy by tag")}
<h2>Routing confusion matrix</h2>${confusionTable(report)}
<h2>Latency</h2><p>p50 ${report.latencyP50Ms} ms · p95 ${report.latencyP95Ms} ms · max ${report.latencyMaxMs} ms</p>
${histogram(
  report.cases.map((result) => result.latencyMs),
  "latency histogram",
  "ms",
)}
<h2>Change since the previous run</h2>${comparisonSection(report)}
<h2>Cases with problems (${failing.length})</h2>
<table><tr><th>id</th><th>question (masked)</th><th>expected</th><th>replied</th><th>problems</th></tr>${caseRows(failing)}</table>
</body></html>
`;
}
