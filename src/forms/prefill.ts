import type { FactValue, KnownFacts } from "../eligibility/index.ts";
import type { FactCatalogue, FormField, Guide, ProfileField } from "../knowledge/index.ts";
import { maskField, maskText } from "../privacy/index.ts";
import { type DraftField, type FieldSource, MASKED_FIELD_TYPES } from "./draft.ts";
import { factOfField, formOf } from "./form-requirements.ts";

export interface PrefillSources {
  guide: Guide;
  catalogue: FactCatalogue;
  /** Only the profile fields the citizen consented to (empty without consent). */
  profile: Partial<Record<ProfileField, string | number>>;
  /** Facts settled by an eligibility check in this conversation. */
  eligibilityFacts: KnownFacts;
  /** Facts read from what the citizen said in this conversation. */
  conversationFacts: Record<string, FactValue>;
  lang?: "zh" | "en";
}

/**
 * Fills a matter's form from what is already known, each value with its provenance. Priority:
 * the consented profile (the government's record), then facts settled in the eligibility check,
 * then facts said in the conversation. Personal numbers come out masked.
 */
export function prefillFields(sources: PrefillSources): DraftField[] {
  const lang = sources.lang ?? "zh";
  return formOf(sources.guide).fields.map((field) => {
    const filled = fillOne(field, sources);
    // Numbers shaped like an ID (e.g. a residence-permit number) are masked even in text fields.
    const masked =
      filled && (MASKED_FIELD_TYPES.has(field.type) ? maskField(field.type, filled.value) : maskText(filled.value));
    const out: DraftField = {
      name: field.name,
      label: field.label[lang],
      type: field.type,
      required: field.required,
      value: masked ?? null,
      source: filled?.source ?? null,
    };
    if (filled?.source === "profile" && field.profile && masked !== filled.value) out.profileField = field.profile;
    return out;
  });
}

function fillOne(field: FormField, sources: PrefillSources): { value: string; source: FieldSource } | undefined {
  const fact = factOfField(field, sources.catalogue);
  if (field.profile) {
    const value = sources.profile[field.profile];
    if (value !== undefined && value !== "")
      return { value: display(field, fact, value, sources.catalogue), source: "profile" };
  }
  if (!fact) return undefined;
  const settled = sources.eligibilityFacts[fact];
  if (settled) return { value: display(field, fact, settled.value, sources.catalogue), source: "eligibility" };
  const said = sources.conversationFacts[fact];
  if (said !== undefined) return { value: display(field, fact, said, sources.catalogue), source: "conversation" };
  return undefined;
}

/** Shows a value the way the form field expects: enum codes become the form's option words. */
function display(field: FormField, fact: string | undefined, value: FactValue, catalogue: FactCatalogue): string {
  if (field.type === "boolean") return String(value === true || value === "true");
  if (field.type !== "enum") return String(value);
  const options = field.options ?? [];
  if (options.includes(String(value))) return String(value);
  const option = fact ? catalogue[fact]?.options?.find((candidate) => candidate.value === String(value)) : undefined;
  if (!option) return String(value);
  const byLabel = options.find((candidate) => candidate === option.label.zh || candidate.startsWith(option.label.zh));
  return byLabel ?? option.label.zh;
}

/** Required fields still empty. */
export function missingFields(fields: readonly DraftField[]): string[] {
  return fields
    .filter((field) => field.required && (field.value === null || field.value === ""))
    .map((field) => field.name);
}
