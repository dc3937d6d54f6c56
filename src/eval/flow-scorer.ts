import { z } from "zod";

/** Score of one flow set (eligibility verdicts or form pre-fill fields). */
export interface FlowScore {
  /** Fraction correct, or null when the set or the flow is not there yet. */
  accuracy: number | null;
  cases: number;
  passed: number;
  note?: string;
  results: Array<{ id: string; passed: boolean; problems: string[] }>;
}

export const notMeasured = (note: string): FlowScore => ({ accuracy: null, cases: 0, passed: 0, note, results: [] });

/** Parses the raw lines of a flow set; a bad line becomes a failed result naming the field. */
export function parseFlowLines<T>(
  lines: readonly unknown[],
  schema: z.ZodType<T>,
): Array<{ id: string; value?: T; problem?: string }> {
  return lines.map((line, index) => {
    const id = typeof (line as { id?: unknown })?.id === "string" ? (line as { id: string }).id : `line-${index + 1}`;
    const parsed = schema.safeParse(line);
    if (parsed.success) return { id, value: parsed.data };
    const issue = parsed.error.issues[0];
    return { id, problem: `bad line: ${issue?.path.join(".") || "line"}: ${issue?.message ?? "invalid"}` };
  });
}

export const factValueSchema = z.union([z.string(), z.number(), z.boolean()]);
