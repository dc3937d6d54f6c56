import type { FactCatalogue, FormDefinition, FormField, Guide, ProfileField } from "../knowledge/index.ts";
import { NoFormError } from "./errors.ts";

export function formOf(guide: Guide): FormDefinition {
  if (!guide.form) throw new NoFormError(guide.id);
  return guide.form;
}

/** The profile fields a form reads, with the label of the form field they fill: what consent names. */
export function profileFieldsNeeded(
  form: FormDefinition,
  lang: "zh" | "en" = "zh",
): Array<{ name: ProfileField; label: string }> {
  const seen = new Map<ProfileField, string>();
  for (const field of form.fields) {
    if (field.profile && !seen.has(field.profile)) seen.set(field.profile, field.label[lang]);
  }
  return [...seen].map(([name, label]) => ({ name, label }));
}

/** The catalogue fact a form field maps to, directly or through the same profile field. */
export function factOfField(field: FormField, catalogue: FactCatalogue): string | undefined {
  if (field.fact) return field.fact;
  if (!field.profile) return undefined;
  return Object.entries(catalogue).find(([, fact]) => fact.profile === field.profile)?.[0];
}
