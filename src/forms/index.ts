export { DraftService } from "./draft.service.ts";
export type { Draft, DraftField, DraftStatus, DraftStore, FieldSource } from "./draft.ts";
export { MASKED_FIELD_TYPES } from "./draft.ts";
export {
  DraftNotFoundError,
  DraftStateError,
  FormError,
  IncompleteDraftError,
  InvalidFieldError,
  NoFormError,
  SignInRequiredError,
} from "./errors.ts";
export { parseFieldValue } from "./field-value.ts";
export { type FormObject, presentForm } from "./form.presenter.ts";
export { type ConsentPrompt, FormService, type PrefillRequest, type PrefillResult } from "./form.service.ts";
export { factOfField, formOf, profileFieldsNeeded } from "./form-requirements.ts";
export {
  type MaterialCheckItem,
  type MaterialStatus,
  type MaterialsPrecheck,
  precheckMaterials,
} from "./materials-precheck.ts";
export {
  PrefillTool,
  type PrefillToolArgs,
  type PrefillToolContext,
  type PrefillToolResult,
  prefillToolArgsSchema,
} from "./prefill.tool.ts";
export { missingFields, type PrefillSources, prefillFields } from "./prefill.ts";
export { type PrefillCase, type PrefillCaseResult, runPrefillCase } from "./prefill-case.ts";
