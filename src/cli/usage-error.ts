/** Bad usage or bad input: the CLI prints the message on one line and exits with status 2. */
export class UsageError extends Error {
  override readonly name = "UsageError";
}
