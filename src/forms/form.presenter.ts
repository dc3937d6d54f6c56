import { maskField, maskText } from "../privacy/index.ts";
import { type Draft, type FieldSource, MASKED_FIELD_TYPES } from "./draft.ts";
import { missingFields } from "./prefill.ts";

export interface FormObject {
  draftId: string;
  matterId: string;
  status: Draft["status"];
  /** An empty field's source is "citizen": it is the citizen's to fill. */
  fields: Array<{ name: string; label: string; value: string | null; source: FieldSource }>;
  missing: string[];
}

/** The `form` object of contract 2: values of personal-number fields already masked. */
export function presentForm(draft: Draft): FormObject {
  return {
    draftId: draft.id,
    matterId: draft.matterId,
    status: draft.status,
    fields: draft.fields.map((field) => ({
      name: field.name,
      label: field.label,
      value:
        field.value === null
          ? null
          : MASKED_FIELD_TYPES.has(field.type)
            ? maskField(field.type, field.value)
            : maskText(field.value),
      source: field.source ?? "citizen",
    })),
    missing: missingFields(draft.fields),
  };
}
