import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { UsageError } from "../cli/usage-error.ts";
import { loadConfig } from "../config/index.ts";
import { EvalSetError } from "./eval-set.loader.ts";
import { runEval } from "./harness.ts";
import { publishReport } from "./report-writer.ts";
import { formatSummary } from "./summary-table.ts";
import { loadThresholds } from "./thresholds.ts";

/**
 * `xiaoshen eval`: runs every set under eval/sets in-process, prints the summary, writes the reports
 * and returns 1 when a metric breaches eval/thresholds.json (2 for bad usage or bad set files).
 */
export async function runEvalCommand(
  args: string[],
  write = (text: string) => process.stdout.write(text),
): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      sets: { type: "string", default: "eval/sets" },
      "report-dir": { type: "string", default: "eval/reports" },
      thresholds: { type: "string", default: "eval/thresholds.json" },
      llm: { type: "boolean", default: false },
      quiet: { type: "boolean", default: false },
    },
  });
  const config = loadConfig();
  if (values.llm && !config.llm) throw new UsageError("--llm needs OPENAI_BASE_URL (the LLM mode is off)");
  try {
    const thresholds = loadThresholds(resolve(values.thresholds));
    const report = await runEval({
      config: values.llm ? config : { ...config, llm: undefined },
      setsDir: resolve(values.sets),
      thresholds,
    });
    const published = publishReport(resolve(values["report-dir"]), report);
    if (!values.quiet) write(`${formatSummary(published)}\n`);
    else if (!published.thresholds.passed) write(`${formatSummary(published).split("\n").at(-1)}\n`);
    return published.thresholds.passed ? 0 : 1;
  } catch (error) {
    if (error instanceof EvalSetError) throw new UsageError(error.message);
    throw error;
  }
}
