import type { ConsentService } from "../citizens/index.ts";
import type { FieldSource } from "./draft.ts";
import type { FormService } from "./form.service.ts";

/** One line of eval/sets/prefill.jsonl. */
export interface PrefillCase {
  id: string;
  matterId: string;
  /** Demo citizen id, as the signed-in citizen. */
  citizen: string;
  /** What the citizen said, oldest first. */
  conversation?: string[];
  /** false: the citizen refused consent (default: consent is granted first). */
  consent?: boolean;
  expect: { fields: Record<string, string | null> };
}

export interface PrefillCaseResult {
  id: string;
  /** Field name → value (masked as in every output) for every field of the form. */
  fields: Record<string, string | null>;
  sources: Record<string, FieldSource | null>;
  missing: string[];
  /** Expected fields whose value differs. */
  mismatches: string[];
}

/**
 * Runs a pre-fill eval case through the same tool the chat uses (FormService.prefill): grants the
 * consent the form asks for (unless the case says the citizen refused), then pre-fills.
 */
export async function runPrefillCase(
  services: { forms: FormService; consents: ConsentService },
  testCase: PrefillCase,
): Promise<PrefillCaseResult> {
  const prompt = services.forms.consentPrompt(testCase.matterId);
  const request = {
    citizenId: testCase.citizen,
    matterId: testCase.matterId,
    fields: prompt.fields.map((field) => field.name),
    purpose: prompt.purpose,
  };
  if (testCase.consent === false) await services.consents.refuse(request);
  else await services.consents.grant(request);
  const result = await services.forms.prefill({
    matterId: testCase.matterId,
    citizenId: testCase.citizen,
    conversation: testCase.conversation ?? [],
  });
  const fields = Object.fromEntries(result.fields.map((field) => [field.name, field.value]));
  const sources = Object.fromEntries(result.fields.map((field) => [field.name, field.source]));
  const mismatches = Object.entries(testCase.expect.fields)
    .filter(([name, expected]) => fields[name] !== expected)
    .map(([name]) => name);
  return { id: testCase.id, fields, sources, missing: result.missing, mismatches };
}
