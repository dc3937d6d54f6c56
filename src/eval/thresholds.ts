import { readFileSync } from "node:fs";
import { z } from "zod";
import { EvalSetError } from "./eval-set.loader.ts";

const metricBounds = z.record(z.string().min(1), z.number());

/** eval/thresholds.json: floors (`min`) and ceilings (`max`) per report metric; `targets` is advisory. */
export const thresholdsSchema = z.looseObject({
  min: metricBounds.default({}),
  max: metricBounds.default({}),
  targets: metricBounds.optional(),
});
export type Thresholds = z.infer<typeof thresholdsSchema>;

export interface ThresholdCheck {
  metric: string;
  bound: "min" | "max";
  limit: number;
  value: number | null;
  /** Null values (nothing measured) are reported but never fail the run. */
  passed: boolean;
}

export function loadThresholds(path: string): Thresholds {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    throw new EvalSetError(`cannot read thresholds ${path}: ${(error as Error).message.split("\n")[0]}`);
  }
  const parsed = thresholdsSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new EvalSetError(`thresholds ${path}: ${issue?.path.join(".") || "file"}: ${issue?.message ?? "invalid"}`);
  }
  return parsed.data;
}

/** Compares report metrics with the thresholds; a metric named in the file but absent fails. */
export function checkThresholds(metrics: Readonly<Record<string, unknown>>, thresholds: Thresholds): ThresholdCheck[] {
  const checks: ThresholdCheck[] = [];
  const metricValue = (metric: string) => {
    const value = metrics[metric];
    return typeof value === "number" ? value : value === null ? null : undefined;
  };
  for (const [bound, limits] of [
    ["min", thresholds.min],
    ["max", thresholds.max],
  ] as const) {
    for (const [metric, limit] of Object.entries(limits)) {
      const value = metricValue(metric);
      const passed =
        value === null ? true : value === undefined ? false : bound === "min" ? value >= limit : value <= limit;
      checks.push({ metric, bound, limit, value: value ?? null, passed });
    }
  }
  return checks;
}
