import { z } from "zod";
import type { EligibilityCheck, EligibilityService } from "./eligibility.service.ts";

export const eligibilityToolArgsSchema = z.strictObject({
  matterId: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "must be a matter id"),
  /** Facts the citizen stated, by catalogue name (the model must not invent them). */
  facts: z.record(z.string().regex(/^[a-z][a-zA-Z0-9]*$/), z.union([z.boolean(), z.number(), z.string()])),
  lang: z.enum(["zh", "en"]).optional(),
});
export type EligibilityToolArgs = z.infer<typeof eligibilityToolArgsSchema>;

/** The eligibility pre-check as a tool call: the same evaluator the chat flow and the HTTP API use. */
export class EligibilityTool {
  readonly name = "check_eligibility";
  readonly description =
    "Pre-check whether the citizen meets a matter's application conditions from facts they stated. Returns eligible / not-eligible (failed rules with their guide section) / undetermined (facts still to ask). A pre-judgement, not the decision.";
  readonly schema = eligibilityToolArgsSchema;

  constructor(private readonly eligibility: EligibilityService) {}

  run(args: EligibilityToolArgs): EligibilityCheck {
    const { matterId, facts, lang } = eligibilityToolArgsSchema.parse(args);
    return this.eligibility.check(matterId, facts, { lang, source: "conversation" });
  }
}
