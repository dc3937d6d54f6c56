import { z } from "zod";
import type { App } from "../app.ts";
import { maskField } from "../privacy/index.ts";
import { type FlowScore, factValueSchema, notMeasured, parseFlowLines } from "./flow-scorer.ts";

const prefillLineSchema = z.looseObject({
  id: z.string().min(1),
  matterId: z.string().min(1),
  /** A demo citizen (src/citizens/fixtures) whose profile the form may read. */
  citizen: z.string().min(1),
  /** What the citizen said, oldest first. */
  conversation: z.union([z.string(), z.array(z.string())]).default([]),
  /** False: the citizen did not consent, so nothing may come from the profile. */
  consent: z.boolean().default(true),
  expect: z.looseObject({ fields: z.record(z.string(), z.union([factValueSchema, z.null()])) }),
});
type PrefillLine = z.infer<typeof prefillLineSchema>;

/**
 * Pre-fill field accuracy over eval/sets/prefill.jsonl: the share of labelled fields whose value
 * `app.forms.prefill` gives (consent granted unless the line says otherwise) equals the label;
 * ID-card and phone labels may be given raw or masked. Consent is withdrawn after each case.
 */
export async function scorePrefill(app: App, lines: unknown[] | undefined): Promise<FlowScore> {
  if (!lines) return notMeasured("eval/sets/prefill.jsonl is absent");
  let fieldsLabelled = 0;
  let fieldsRight = 0;
  const results: FlowScore["results"] = [];
  for (const { id, value, problem } of parseFlowLines(lines, prefillLineSchema)) {
    if (!value) {
      results.push({ id, passed: false, problems: [problem ?? "invalid"] });
      continue;
    }
    const problems: string[] = [];
    try {
      const fields = await prefill(app, value);
      for (const [name, expected] of Object.entries(value.expect.fields)) {
        fieldsLabelled += 1;
        const field = fields.find((candidate) => candidate.name === name);
        const wanted = expected === null ? null : String(expected);
        const accepted = wanted === null || !field ? [wanted] : [wanted, maskField(field.type, wanted)];
        if (field && accepted.includes(field.value === "" ? null : field.value)) fieldsRight += 1;
        else
          problems.push(
            `${name}: expected ${wanted ?? "empty"}, got ${field ? (field.value ?? "empty") : "no such field"}`,
          );
      }
    } catch (error) {
      problems.push(`error: ${(error as Error).message}`);
    }
    results.push({ id, passed: problems.length === 0, problems });
  }
  return {
    accuracy: fieldsLabelled ? fieldsRight / fieldsLabelled : null,
    cases: results.length,
    passed: results.filter((result) => result.passed).length,
    results,
  };
}

async function prefill(app: App, line: PrefillLine) {
  const { matterId, citizen } = line;
  await app.consents.withdraw(citizen, matterId);
  if (line.consent) {
    const prompt = app.forms.consentPrompt(matterId);
    const fields = prompt.fields.map((field) => field.name);
    await app.consents.grant({ citizenId: citizen, matterId, fields, purpose: prompt.purpose });
  }
  try {
    const conversation = typeof line.conversation === "string" ? [line.conversation] : line.conversation;
    const result = await app.forms.prefill({ matterId, citizenId: citizen, conversation });
    return result.fields;
  } finally {
    await app.consents.withdraw(citizen, matterId);
  }
}
