import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { parse as parseYaml } from "yaml";
import { KnowledgeError } from "./errors.ts";
import { type FactCatalogue, factCatalogueSchema } from "./fact.schema.ts";
import { firstIssue, parseGuide } from "./guide.parser.ts";
import type { Condition } from "./guide.schema.ts";
import type { Guide } from "./guide.ts";
import { KnowledgeBase } from "./knowledge-base.ts";
import { REQUIRED_PLATFORM_SECTIONS, SECTION_KEYS } from "./vocabulary.ts";

/** Fact catalogue files: knowledge/facts/*.yaml, merged; a fact defined twice is an error. */
export const FACTS_DIRECTORY = "facts";

/**
 * Loads and validates every guide under `directory`. All or nothing: the first invalid file
 * throws a KnowledgeError naming the file and field, so a half-loaded base never exists.
 */
export function loadKnowledgeBase(directory: string, options: { allowDanglingLinks?: boolean } = {}): KnowledgeBase {
  const hash = createHash("sha256");
  const facts: FactCatalogue = {};
  const factsDirectory = join(directory, FACTS_DIRECTORY);
  for (const name of listFiles(factsDirectory, ".yaml")) {
    const path = join(factsDirectory, name);
    const source = readFileSync(path, "utf8");
    hash.update(name).update(source);
    const display = relative(process.cwd(), path) || name;
    for (const [factName, fact] of Object.entries(parseFacts(display, source))) {
      if (facts[factName]) throw new KnowledgeError(display, factName, "fact is already defined in another facts file");
      facts[factName] = fact;
    }
  }

  const guides: Guide[] = [];
  for (const name of listFiles(directory, ".md").filter((entry) => entry !== "README.md")) {
    const path = join(directory, name);
    const source = readFileSync(path, "utf8");
    hash.update(name).update(source);
    const display = relative(process.cwd(), path) || name;
    const guide = parseGuide(display, source);
    if (`${guide.id}.md` !== name) throw new KnowledgeError(display, "id", `must match the file name (${name})`);
    guides.push(guide);
  }
  validateGuides(guides, facts, options.allowDanglingLinks ?? false);
  return new KnowledgeBase(guides, facts, hash.digest("hex").slice(0, 16));
}

function listFiles(directory: string, extension: string): string[] {
  if (!existsSync(directory)) return [];
  return readdirSync(directory)
    .filter((entry) => entry.endsWith(extension))
    .sort();
}

function parseFacts(file: string, source: string): FactCatalogue {
  let raw: unknown;
  try {
    raw = parseYaml(source);
  } catch (error) {
    throw new KnowledgeError(file, "", (error as Error).message.split("\n")[0] ?? "bad YAML");
  }
  const parsed = factCatalogueSchema.safeParse(raw);
  if (!parsed.success) {
    const { field, message } = firstIssue(parsed.error);
    throw new KnowledgeError(file, field, message);
  }
  return parsed.data;
}

/** Checks what one file cannot: sections present, links resolve, rules name known facts. */
function validateGuides(guides: Guide[], facts: FactCatalogue, allowDanglingLinks: boolean): void {
  const ids = new Set(guides.map((guide) => guide.id));
  for (const guide of guides) {
    const required = guide.group === "platform" ? REQUIRED_PLATFORM_SECTIONS : SECTION_KEYS;
    for (const key of required) {
      if (!guide.sections[key]?.text)
        throw new KnowledgeError(guide.file, `sections.${key}`, "required section is missing or empty");
    }
    for (const [field, links] of [
      ["related", guide.related],
      ["bundle", guide.bundle],
    ] as const) {
      links.forEach((link, index) => {
        if (!ids.has(link) && !allowDanglingLinks)
          throw new KnowledgeError(guide.file, `${field}[${index}]`, `no guide with id "${link}"`);
      });
    }
    guide.eligibility?.rules.forEach((rule, index) => {
      checkCondition(guide.file, `eligibility.rules[${index}].when`, rule.when, facts);
      if (!guide.sections[rule.section]) {
        throw new KnowledgeError(
          guide.file,
          `eligibility.rules[${index}].section`,
          `the guide has no "${rule.section}" section`,
        );
      }
    });
    guide.eligibility?.ask?.forEach((fact, index) => {
      if (!facts[fact])
        throw new KnowledgeError(
          guide.file,
          `eligibility.ask[${index}]`,
          `unknown fact "${fact}" (define it in knowledge/facts.yaml)`,
        );
    });
    guide.form?.fields.forEach((field, index) => {
      if (field.fact && !facts[field.fact]) {
        throw new KnowledgeError(guide.file, `form.fields[${index}].fact`, `unknown fact "${field.fact}"`);
      }
      if (field.type === "enum" && !field.options?.length) {
        throw new KnowledgeError(guide.file, `form.fields[${index}].options`, "an enum field needs options");
      }
    });
  }
}

function checkCondition(file: string, path: string, condition: Condition, facts: FactCatalogue): void {
  if ("all" in condition || "any" in condition) {
    const [key, children] = "all" in condition ? ["all", condition.all] : ["any", condition.any];
    children.forEach((child, i) => {
      checkCondition(file, `${path}.${key}[${i}]`, child, facts);
    });
    return;
  }
  if ("not" in condition) {
    checkCondition(file, `${path}.not`, condition.not, facts);
    return;
  }
  const fact = facts[condition.fact];
  if (!fact)
    throw new KnowledgeError(
      file,
      `${path}.fact`,
      `unknown fact "${condition.fact}" (define it in knowledge/facts.yaml)`,
    );
  const dateOnly = condition.op === "yearsSinceGte" || condition.op === "yearsSinceLt";
  if (dateOnly !== (fact.type === "date") && !(fact.type === "date" && ["eq", "ne"].includes(condition.op))) {
    throw new KnowledgeError(file, `${path}.op`, `operator "${condition.op}" does not fit a ${fact.type} fact`);
  }
  const values = Array.isArray(condition.value) ? condition.value : [condition.value];
  if (fact.type === "enum") {
    const allowed = new Set(fact.options?.map((option) => option.value));
    const bad = values.find((value) => !allowed.has(String(value)));
    if (bad !== undefined)
      throw new KnowledgeError(file, `${path}.value`, `"${bad}" is not an option of fact "${condition.fact}"`);
  }
}
