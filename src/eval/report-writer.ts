import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { compareReports, type EvalReport } from "./report.ts";
import { renderReportHtml } from "./report-html.ts";

export const REPORT_FILES = { latest: "latest.json", html: "latest.html", previous: "previous.json" } as const;

/**
 * Compares `report` with the last run in `directory`, keeps that run as previous.json and writes
 * latest.json and latest.html. Returns the report with its comparison filled in.
 */
export function publishReport(directory: string, report: EvalReport): EvalReport {
  mkdirSync(directory, { recursive: true });
  const latestPath = join(directory, REPORT_FILES.latest);
  const previous = readPrevious(latestPath);
  const published: EvalReport = { ...report, comparison: previous ? compareReports(previous, report) : null };
  if (previous) renameSync(latestPath, join(directory, REPORT_FILES.previous));
  writeFileSync(latestPath, `${JSON.stringify(published, null, 2)}\n`);
  writeFileSync(join(directory, REPORT_FILES.html), renderReportHtml(published));
  return published;
}

function readPrevious(path: string): Partial<EvalReport> | undefined {
  if (!existsSync(path)) return undefined;
  try {
    return JSON.parse(readFileSync(path, "utf8")) as Partial<EvalReport>;
  } catch {
    return undefined; // a corrupt previous report only loses the comparison
  }
}
