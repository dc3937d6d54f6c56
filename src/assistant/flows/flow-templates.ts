import { readFileSync } from "node:fs";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { bilingualSchema } from "../../knowledge/guide.schema.ts";
import { PROMPTS_DIR } from "../templates.ts";

const flowTemplatesSchema = z.object({
  eligibility: z.object({
    start: bilingualSchema,
    known: bilingualSchema,
    ask: bilingualSchema,
    leave: bilingualSchema,
    eligible: bilingualSchema,
    notEligible: bilingualSchema,
    notice: bilingualSchema,
    nextForm: bilingualSchema,
    cancelled: bilingualSchema,
  }),
  form: z.object({
    signIn: bilingualSchema,
    consent: bilingualSchema,
    prefilled: bilingualSchema,
    refusedConsent: bilingualSchema,
    stillMissing: bilingualSchema,
    review: bilingualSchema,
    materials: bilingualSchema,
    confirmed: bilingualSchema,
    incomplete: bilingualSchema,
    notConfirmed: bilingualSchema,
    submitted: bilingualSchema,
    withdrawn: bilingualSchema,
    noConsent: bilingualSchema,
    identity: bilingualSchema,
  }),
});
export type FlowTemplates = z.infer<typeof flowTemplatesSchema>;

export function loadFlowTemplates(url: URL = new URL("flow-replies.yaml", PROMPTS_DIR)): FlowTemplates {
  return flowTemplatesSchema.parse(parseYaml(readFileSync(url, "utf8")));
}
