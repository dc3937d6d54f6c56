import { readFileSync } from "node:fs";
import { pinyin } from "pinyin-pro";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { normalise } from "./normalise.ts";

const synonymGroupsSchema = z.array(z.array(z.string().min(1)).min(2));

export function loadSynonymGroups(): string[][] {
  const raw = parseYaml(readFileSync(new URL("./lexicon/synonyms.yaml", import.meta.url), "utf8"));
  return synonymGroupsSchema.parse(raw).map((group) => group.map(normalise));
}

/** Toneless pinyin of a Han term, syllables joined: 居住证 → juzhuzheng. */
export function toPinyinKey(term: string): string {
  return pinyin(term, { toneType: "none", type: "array", nonZh: "removed" }).join("").toLowerCase();
}

const MIN_PINYIN_KEY = 6; // shorter keys match by accident inside longer pinyin strings

/**
 * Expands a normalised query with official terms for colloquial ones (绿牌 → 新能源汽车专用牌照)
 * and with Han terms for pinyin typed without an input method (juzhuzheng → 居住证).
 */
export class QueryExpander {
  private readonly variants: Array<{ variant: string; official: string }> = [];
  private readonly pinyinTerms: Array<{ key: string; term: string }> = [];

  constructor(groups: string[][], pinyinSourceTerms: Iterable<string>) {
    for (const [official, ...variants] of groups) {
      if (!official) continue;
      for (const variant of variants) this.variants.push({ variant, official });
    }
    this.variants.sort((a, b) => b.variant.length - a.variant.length);
    const seen = new Set<string>();
    for (const term of pinyinSourceTerms) {
      if (!/^\p{Script=Han}{2,12}$/u.test(term)) continue;
      const key = toPinyinKey(term);
      if (key.length < MIN_PINYIN_KEY || seen.has(key)) continue;
      seen.add(key);
      this.pinyinTerms.push({ key, term });
    }
    this.pinyinTerms.sort((a, b) => b.key.length - a.key.length);
  }

  /** Terms to add to the query; empty when nothing matched. */
  expand(normalised: string): string[] {
    const added = new Set<string>();
    for (const { variant, official } of this.variants) {
      if (normalised.includes(variant) && !normalised.includes(official)) added.add(official);
    }
    let letters = normalised.replace(/[^a-z]/g, "");
    if (letters.length >= MIN_PINYIN_KEY) {
      for (const { key, term } of this.pinyinTerms) {
        if (letters.length < MIN_PINYIN_KEY) break;
        if (letters.includes(key)) {
          added.add(term);
          letters = letters.replace(key, " ");
        }
      }
    }
    return [...added];
  }
}
