// Longest first, with what replaces each; applied only when at least three letters remain.
const SUFFIXES: Array<[string, string]> = [
  ["ications", "i"],
  ["ication", "i"],
  ["ations", ""],
  ["ation", ""],
  ["ments", ""],
  ["ment", ""],
  ["ings", ""],
  ["ing", ""],
  ["ness", ""],
  ["ies", "i"],
  ["ied", "i"],
  ["ers", ""],
  ["ed", ""],
  ["es", ""],
  ["er", ""],
  ["al", ""],
  ["s", ""],
  ["e", ""],
  ["y", "i"],
];
const STEM_LENGTH = 6;

/**
 * A crude, predictable English stem (suffix strip, then the first six letters), enough for
 * "registering" to meet "registration" and "renewal" to meet "renew" in titles and summaries.
 */
export function stemEnglish(word: string): string {
  let stem = word.toLowerCase().replace(/'s$/, "");
  if (!/^[a-z]+$/.test(stem) || stem.length <= 3) return stem;
  for (const [suffix, replacement] of SUFFIXES) {
    if (stem.endsWith(suffix) && stem.length - suffix.length >= 3) {
      stem = stem.slice(0, -suffix.length) + replacement;
      break;
    }
  }
  return stem.slice(0, STEM_LENGTH);
}
