/** Domain errors of eligibility checks; the server maps `code` to an HTTP status. */
export class UnknownMatterError extends Error {
  override readonly name = "UnknownMatterError";
  readonly code = "unknown_matter";
  constructor(readonly matterId: string) {
    super(`no matter with id "${matterId}"`);
  }
}

export class NoEligibilityRulesError extends Error {
  override readonly name = "NoEligibilityRulesError";
  readonly code = "no_eligibility_rules";
  constructor(readonly matterId: string) {
    super(`matter "${matterId}" has no eligibility rules`);
  }
}

export class InvalidFactError extends Error {
  override readonly name = "InvalidFactError";
  readonly code = "invalid_fact";
  constructor(
    readonly fact: string,
    detail: string,
  ) {
    super(`facts.${fact}: ${detail}`);
  }
}
