import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pino from "pino";
import { createApp } from "../app.ts";
import type { Config } from "../config/index.ts";
import { runCases } from "./case-runner.ts";
import { scoreEligibility } from "./eligibility-scorer.ts";
import { loadEvalSets } from "./eval-set.loader.ts";
import { computeChatMetrics } from "./metrics.ts";
import { scorePrefill } from "./prefill-scorer.ts";
import type { EvalReport } from "./report.ts";
import { checkThresholds, type Thresholds } from "./thresholds.ts";

export interface EvalOptions {
  /** Service config; its data dir is replaced by a fresh temp dir so runs never share state. */
  config: Config;
  setsDir: string;
  thresholds: Thresholds;
}

/** Runs every set in-process against a fresh app and returns the report (nothing written). */
export async function runEval({ config, setsDir, thresholds }: EvalOptions): Promise<EvalReport> {
  const started = performance.now();
  const sets = loadEvalSets(setsDir);
  const dataDir = mkdtempSync(join(tmpdir(), "xiaoshen-eval-"));
  const app = createApp({ ...config, dataDir }, pino({ level: "silent" }));
  try {
    const cases = await runCases(app, sets.cases, randomUUID().slice(0, 8));
    const { questions, ...chat } = computeChatMetrics(cases);
    const { accuracy: eligibilityAccuracy, ...eligibility } = scoreEligibility(app, sets.eligibility);
    const { accuracy: prefillFieldAccuracy, ...prefill } = await scorePrefill(app, sets.prefill);
    const warnings = [eligibility.note, prefill.note].filter((note): note is string => Boolean(note));
    const report: EvalReport = {
      schemaVersion: 1,
      runAt: new Date().toISOString(),
      mode: config.llm ? "llm" : "offline",
      durationMs: 0,
      questions,
      ...chat,
      eligibilityAccuracy,
      prefillFieldAccuracy,
      eligibility,
      prefill,
      thresholds: { passed: true, checks: [] },
      comparison: null,
      warnings,
      cases,
    };
    const checks = checkThresholds(report as unknown as Record<string, unknown>, thresholds);
    for (const check of checks.filter((item) => item.value === null))
      warnings.push(`${check.metric} was not measured; its threshold was not applied`);
    report.thresholds = { passed: checks.every((check) => check.passed), checks };
    report.durationMs = Math.round(performance.now() - started);
    return report;
  } finally {
    app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
