import type { App } from "../app.ts";

/** Score of one flow set (eligibility verdicts or form pre-fill fields). */
export interface FlowScore {
  /** Fraction correct, or null when the set or the flow is not there yet. */
  accuracy: number | null;
  cases: number;
  passed: number;
  note?: string;
  results: Array<{ id: string; passed: boolean; problems: string[] }>;
}

export const NOT_MEASURED = (note: string): FlowScore => ({ accuracy: null, cases: 0, passed: 0, note, results: [] });

/** Eligibility accuracy over eval/sets/eligibility.jsonl through `app.eligibility.check`. */
export async function scoreEligibility(_app: App, lines: unknown[] | undefined): Promise<FlowScore> {
  if (!lines) return NOT_MEASURED("eval/sets/eligibility.jsonl is absent");
  return NOT_MEASURED("the eligibility service is not wired into the app yet");
}

/** Pre-fill field accuracy over eval/sets/prefill.jsonl. */
export async function scorePrefill(_app: App, lines: unknown[] | undefined): Promise<FlowScore> {
  if (!lines) return NOT_MEASURED("eval/sets/prefill.jsonl is absent");
  return NOT_MEASURED("the form pre-fill function is not wired into the app yet");
}
