import * as OpenCC from "opencc-js";

const toSimplified = OpenCC.Converter({ from: "t", to: "cn" });

// Characters that carry no meaning for search: controls, zero-width marks, emoji and symbols.
const NOISE = /[\p{Cc}\p{Cf}\p{Extended_Pictographic}\p{So}\p{Sk}]/gu;

/**
 * Canonical form of a citizen's text for matching: NFKC (full width → half width), traditional →
 * simplified, lower case, noise removed, white space collapsed. Punctuation is kept (the segmenter
 * drops it) because routing patterns may need it.
 */
export function normalise(text: string): string {
  return toSimplified(text.normalize("NFKC")).toLowerCase().replace(NOISE, " ").replace(/\s+/g, " ").trim();
}

/** True when the text has nothing a search could use (only punctuation, symbols or space). */
export function isBlank(normalised: string): boolean {
  return !/[\p{L}\p{N}]/u.test(normalised);
}

const HAN = /\p{Script=Han}/gu;
const LATIN_WORD = /[a-z]+/g;

/** Rough language of a question: English when Latin words outweigh Han characters. */
export function detectLanguage(text: string): "zh" | "en" {
  const han = text.match(HAN)?.length ?? 0;
  const latin = (text.toLowerCase().match(LATIN_WORD) ?? []).filter((word) => word.length > 1).length;
  return latin >= 2 && latin * 2 > han ? "en" : "zh";
}
