import { readFileSync } from "node:fs";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { normalise } from "./normalise.ts";
import { type PinyinEntry, PinyinMatcher } from "./pinyin.ts";

const synonymGroupsSchema = z.array(z.array(z.string().min(1)).min(2));

/** Synonym groups from the lexicon, official term first, normalised. */
export function loadSynonymGroups(): string[][] {
  const raw = parseYaml(readFileSync(new URL("./lexicon/synonyms.yaml", import.meta.url), "utf8"));
  return synonymGroupsSchema.parse(raw).map((group) => group.map(normalise));
}

/**
 * Expands a normalised query with official terms for colloquial ones (绿牌 → 新能源汽车专用牌照)
 * and with Han terms for pinyin typed without an input method (juzhuzheng → 居住证).
 */
export class QueryExpander {
  private readonly variants: Array<{ variant: string; official: string }> = [];
  private readonly pinyin: PinyinMatcher;

  constructor(groups: string[][], pinyinSourceTerms: Iterable<string> | readonly PinyinEntry[]) {
    for (const [official, ...variants] of groups) {
      if (!official) continue;
      for (const variant of variants) this.variants.push({ variant, official });
    }
    this.variants.sort((a, b) => b.variant.length - a.variant.length);
    this.pinyin = new PinyinMatcher(pinyinSourceTerms);
  }

  /** Terms to add to the query; empty when nothing matched. */
  expand(normalised: string): string[] {
    const pinyinTerms = this.pinyin.match(normalised);
    return [...new Set([...pinyinTerms, ...this.officialTerms([normalised, ...pinyinTerms].join(" "))])];
  }

  /**
   * The query as the indexes should see it: pinyin runs written in Han (so "ju zhu zheng ji fen"
   * reads 居住证积分, not also the pinyin alias of 居住证), then the official terms of its synonyms.
   */
  rewrite(normalised: string): string {
    const text = this.pinyin.transliterate(normalised).replace(/\s+/g, " ").trim();
    return [text, ...this.officialTerms(text)].join(" ");
  }

  // Synonyms also apply to what the pinyin turned into (jia zhao → 驾照 → 机动车驾驶证).
  private officialTerms(text: string): string[] {
    const added = new Set<string>();
    for (const { variant, official } of this.variants) {
      if (text.includes(variant) && !text.includes(official)) added.add(official);
    }
    return [...added];
  }
}
