import { readdirSync, readFileSync } from "node:fs";
import { parse as parseYaml } from "yaml";
import { PROMPTS_DIR } from "../assistant/index.ts";
import type { FactCatalogue } from "../knowledge/index.ts";

const PLACEHOLDER = /\{\w+\}/;
/** A template line with fewer literal characters than this ("{body}") would match anything. */
const MIN_LITERAL_CHARS = 3;

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * The assistant's fixed wording — reply templates under prompts/ and the fact catalogue's questions —
 * as whole-line patterns (placeholders match anything). A reply line that is one of them is service
 * boilerplate or a question to the citizen, not a claim about a matter, so faithfulness skips it.
 */
export function fixedWording(facts: FactCatalogue, promptsDir: URL = PROMPTS_DIR): RegExp[] {
  const patterns = new Map<string, RegExp>();
  const visit = (value: unknown) => {
    if (typeof value === "string") {
      for (const line of value.split("\n").map((item) => item.trim())) {
        const literal = line.split(PLACEHOLDER).join("");
        if (literal.length < MIN_LITERAL_CHARS) continue;
        const source = line.split(PLACEHOLDER).map(escapeRegExp).join(".*");
        patterns.set(source, new RegExp(`^${source}$`, "su"));
      }
    } else if (value && typeof value === "object") Object.values(value).forEach(visit);
  };
  for (const file of readdirSync(promptsDir).filter((name) => /\.ya?ml$/.test(name)))
    visit(parseYaml(readFileSync(new URL(file, promptsDir), "utf8")));
  for (const fact of Object.values(facts)) visit(fact.ask);
  return [...patterns.values()];
}
