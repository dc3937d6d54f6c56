import { readFileSync } from "node:fs";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { bilingualSchema } from "../knowledge/guide.schema.ts";

const templatesSchema = z.object({
  refuse: z.object({
    injection: bilingualSchema,
    privacy: bilingualSchema,
    fraud: bilingualSchema,
    scope: bilingualSchema,
  }),
  escalate: z.object({ default: bilingualSchema, urgent: bilingualSchema, failure: bilingualSchema }),
  takeover: bilingualSchema,
  notFound: bilingualSchema,
  identityLead: bilingualSchema,
});
export type ReplyTemplates = z.infer<typeof templatesSchema>;

export const PROMPTS_DIR = new URL("../../prompts/", import.meta.url);

export function loadReplyTemplates(url: URL = new URL("offline-replies.yaml", PROMPTS_DIR)): ReplyTemplates {
  return templatesSchema.parse(parseYaml(readFileSync(url, "utf8")));
}

export function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
}
