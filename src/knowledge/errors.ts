/** A guide or the fact catalogue failed validation; names the file and the field. */
export class KnowledgeError extends Error {
  override readonly name = "KnowledgeError";
  readonly code = "invalid_knowledge";
  constructor(
    readonly file: string,
    readonly field: string,
    detail: string,
  ) {
    super(`${file}: ${field ? `${field}: ` : ""}${detail}`);
  }
}
