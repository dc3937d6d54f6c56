import { existsSync, readdirSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { type EvalCase, evalCaseSchema } from "./eval-case.schema.ts";

/** Sets scored through their own flows rather than the chat routing. */
export const FLOW_SET_FILES = { eligibility: "eligibility.jsonl", prefill: "prefill.jsonl" } as const;

export class EvalSetError extends Error {
  override readonly name = "EvalSetError";
  readonly code = "EVAL_SET_INVALID";
}

export interface LoadedSets {
  cases: EvalCase[];
  /** Raw lines of eligibility.jsonl / prefill.jsonl, or undefined when the file is absent. */
  eligibility?: unknown[];
  prefill?: unknown[];
}

/** Reads every `*.jsonl` under `directory`; a bad line stops the run naming file, line and field. */
export function loadEvalSets(directory: string): LoadedSets {
  if (!existsSync(directory)) throw new EvalSetError(`eval sets directory not found: ${directory}`);
  const files = readdirSync(directory)
    .filter((file) => file.endsWith(".jsonl"))
    .sort();
  const loaded: LoadedSets = { cases: [] };
  const seen = new Set<string>();
  for (const file of files) {
    const lines = readJsonLines(join(directory, file));
    if (file === FLOW_SET_FILES.eligibility) loaded.eligibility = lines.map(({ value }) => value);
    else if (file === FLOW_SET_FILES.prefill) loaded.prefill = lines.map(({ value }) => value);
    else {
      const set = basename(file, ".jsonl");
      for (const { value, lineNumber } of lines) {
        const parsed = evalCaseSchema.safeParse(value);
        if (!parsed.success) {
          const issue = parsed.error.issues[0];
          throw new EvalSetError(
            `${file}:${lineNumber}: ${issue?.path.join(".") || "line"}: ${issue?.message ?? "invalid"}`,
          );
        }
        if (seen.has(parsed.data.id)) throw new EvalSetError(`${file}:${lineNumber}: duplicate id ${parsed.data.id}`);
        seen.add(parsed.data.id);
        loaded.cases.push({ ...parsed.data, set });
      }
    }
  }
  return loaded;
}

function readJsonLines(path: string): Array<{ value: unknown; lineNumber: number }> {
  const lines: Array<{ value: unknown; lineNumber: number }> = [];
  readFileSync(path, "utf8")
    .split(/\r?\n/)
    .forEach((raw, index) => {
      if (!raw.trim()) return;
      try {
        lines.push({ value: JSON.parse(raw), lineNumber: index + 1 });
      } catch {
        throw new EvalSetError(`${basename(path)}:${index + 1}: not valid JSON`);
      }
    });
  return lines;
}
