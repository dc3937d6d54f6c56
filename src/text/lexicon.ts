import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { parse as parseYaml } from "yaml";
import { z } from "zod";

const matterAliasesSchema = z.record(z.string().min(1), z.array(z.string().trim().min(1)));

/** Extra aliases per matter id from src/text/lexicon/matter-aliases.yaml. */
export function loadMatterAliases(): Record<string, string[]> {
  const raw = parseYaml(readFileSync(new URL("./lexicon/matter-aliases.yaml", import.meta.url), "utf8")) ?? {};
  return matterAliasesSchema.parse(raw);
}

const noisePatternsSchema = z.array(z.string().min(1));

/** Removes markup and SQL (rules in src/text/lexicon/noise-patterns.yaml): code is not a question. */
export function createNoiseStripper(): (text: string) => string {
  const raw = parseYaml(readFileSync(new URL("./lexicon/noise-patterns.yaml", import.meta.url), "utf8"));
  const patterns = noisePatternsSchema.parse(raw).map((source) => new RegExp(source, "gi"));
  return (text) => patterns.reduce((current, pattern) => current.replace(pattern, " "), text);
}

/** Hash of every lexicon file: an index built with another lexicon segments and expands differently. */
export function lexiconHash(): string {
  const directory = new URL("./lexicon/", import.meta.url);
  const hash = createHash("sha256");
  for (const name of readdirSync(directory).sort()) hash.update(name).update(readFileSync(new URL(name, directory)));
  return hash.digest("hex").slice(0, 16);
}
