import { foldNumbers, hanBigrams, normalise, segmentForSearch, stemEnglish } from "../text/index.ts";

const BIGRAM_PREFIX = "~";
const LATIN = /^[a-z]+$/;

/** The form both sides of every match see: normalised, quantities in digits. */
export function searchForm(text: string): string {
  return foldNumbers(normalise(text));
}

/** Index and query tokens: search-mode words (English stemmed) plus Han bigrams, marked, for typo tolerance. */
export function indexTokens(text: string): string[] {
  const form = searchForm(text);
  const words = segmentForSearch(form).map((token) => (LATIN.test(token) ? stemEnglish(token) : token));
  return [...words, ...hanBigrams(form).map((bigram) => BIGRAM_PREFIX + bigram)];
}

export function isBigramToken(token: string): boolean {
  return token.startsWith(BIGRAM_PREFIX);
}
