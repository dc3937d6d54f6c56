import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/index.ts";
import { runEval } from "../../src/eval/harness.ts";
import type { EvalReport } from "../../src/eval/report.ts";
import { loadThresholds } from "../../src/eval/thresholds.ts";
import { tempDir } from "../helpers/test-app.ts";

const ROOT = join(import.meta.dirname, "../..");
const BIN = join(ROOT, "bin/xiaoshen.js");
const SETS = join(ROOT, "eval/sets");
const THRESHOLDS = join(ROOT, "eval/thresholds.json");

describe("the eval harness on the committed sets", () => {
  let report: EvalReport;

  beforeAll(async () => {
    const config = loadConfig({ ...process.env, OPENAI_BASE_URL: "" });
    report = await runEval({ config, setsDir: SETS, thresholds: loadThresholds(THRESHOLDS) });
  }, 60_000);

  it("meets every floor in eval/thresholds.json", () => {
    const failed = report.thresholds.checks.filter((check) => !check.passed);
    expect(failed).toEqual([]);
  });

  it("scores at least 400 labelled turns and reports the contract's metrics as fractions", () => {
    expect(report.questions).toBeGreaterThanOrEqual(400);
    for (const metric of ["routingAccuracy", "matterTop1", "matterRecall3", "citationValidity"] as const) {
      expect(report[metric]).toBeGreaterThanOrEqual(0);
      expect(report[metric]).toBeLessThanOrEqual(1);
    }
    expect(report.latencyP95Ms).toBeGreaterThanOrEqual(report.latencyP50Ms);
  });

  it("masks personal numbers in the per-case questions it reports", () => {
    const withId = report.cases.find((result) => result.id === "r-other-person-data-03");
    expect(withId?.question).not.toContain("310101199001011234");
  });
});

describe("xiaoshen eval", () => {
  let directory: ReturnType<typeof tempDir>;

  function xiaoshen(...args: string[]) {
    const result = spawnSync(process.execPath, [BIN, "eval", ...args], {
      encoding: "utf8",
      cwd: ROOT,
      env: {
        ...process.env,
        XIAOSHEN_DATA_DIR: join(directory.path, "data"),
        OPENAI_BASE_URL: "",
        LOG_LEVEL: "silent",
      },
      timeout: 60_000,
    });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
  }

  // The exit codes need only a few cases; the full sets run in-process above.
  let smallSets: string;
  beforeAll(() => {
    directory = tempDir("xiaoshen-eval-cli-");
    smallSets = join(directory.path, "sets");
    mkdirSync(smallSets);
    for (const file of ["identity.jsonl", "escalations.jsonl"]) copyFileSync(join(SETS, file), join(smallSets, file));
  });
  afterAll(() => directory.remove());

  it("exits 1 naming the metric when a floor is breached, after writing both reports", () => {
    const strict = join(directory.path, "strict.json");
    writeFileSync(strict, JSON.stringify({ min: { routingAccuracy: 1.01 }, max: {} }));
    const reports = join(directory.path, "reports");
    const { status, stdout } = xiaoshen(
      "--sets",
      smallSets,
      "--thresholds",
      strict,
      "--report-dir",
      reports,
      "--quiet",
    );
    expect(status).toBe(1);
    expect(stdout).toContain("FAILED: routingAccuracy");
    const latest = JSON.parse(readFileSync(join(reports, "latest.json"), "utf8"));
    expect(latest.thresholds.passed).toBe(false);
    expect(readFileSync(join(reports, "latest.html"), "utf8")).toContain("<svg");
  }, 60_000);

  it("exits 0 under lenient thresholds and compares with the previous run", () => {
    const lenient = join(directory.path, "lenient.json");
    writeFileSync(lenient, JSON.stringify({ min: { routingAccuracy: 0 }, max: {} }));
    const reports = join(directory.path, "reports");
    const { status, stdout } = xiaoshen("--sets", smallSets, "--thresholds", lenient, "--report-dir", reports);
    expect(status).toBe(0);
    expect(stdout).toContain("routing accuracy");
    expect(existsSync(join(reports, "previous.json"))).toBe(true);
    const latest = JSON.parse(readFileSync(join(reports, "latest.json"), "utf8"));
    expect(latest.comparison.regressed).toEqual([]);
    expect(latest.comparison.improved).toEqual([]);
  }, 60_000);

  it("exits 2 with a one-line error for a set file with a bad line", () => {
    const sets = join(directory.path, "bad-sets");
    mkdirSync(sets, { recursive: true });
    writeFileSync(join(sets, "broken.jsonl"), '{"id":"x","question":"居住证","expect":{"kind":"maybe"}}\n');
    const { status, stderr } = xiaoshen("--sets", sets, "--report-dir", join(directory.path, "unused"));
    expect(status).toBe(2);
    expect(stderr).toContain("broken.jsonl:1");
    expect(stderr.trim().split("\n")).toHaveLength(1);
  });
});
