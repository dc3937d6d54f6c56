/** Domain errors of forms and drafts; the server maps `code` to an HTTP status. */
export class FormError extends Error {
  constructor(
    readonly code: string,
    message: string,
    /** The request field the error is about, e.g. "fields.babyName". */
    readonly field?: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class NoFormError extends FormError {
  constructor(matterId: string) {
    super("no_form", `matter "${matterId}" has no application form`);
  }
}

export class DraftNotFoundError extends FormError {
  constructor(draftId: string) {
    super("draft_not_found", `no draft with id "${draftId}"`);
  }
}

export class InvalidFieldError extends FormError {
  constructor(field: string, detail: string) {
    super("invalid_field", `fields.${field}: ${detail}`, `fields.${field}`);
  }
}

export class DraftStateError extends FormError {
  constructor(code: "already_submitted" | "not_confirmed", message: string) {
    super(code, message);
  }
}

export class IncompleteDraftError extends FormError {
  constructor(readonly missing: string[]) {
    super(
      "incomplete_draft",
      `fields.${missing[0]}: required field is empty (missing: ${missing.join(", ")})`,
      `fields.${missing[0]}`,
    );
  }
}

export class SignInRequiredError extends FormError {
  constructor() {
    super("sign_in_required", "sign in first: drafts belong to the signed-in citizen");
  }
}
