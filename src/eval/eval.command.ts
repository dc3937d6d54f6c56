import { UsageError } from "../cli/usage-error.ts";

/** Placeholder until the eval harness lands (issue 10): says so plainly instead of pretending. */
export async function runEvalCommand(_args: string[]): Promise<number> {
  throw new UsageError("the eval harness is not built yet");
}
