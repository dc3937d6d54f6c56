import { hanBigrams, normalise, segmentForSearch } from "../text/index.ts";

const BIGRAM_PREFIX = "~";

/** Index and query tokens: search-mode words plus Han bigrams (marked) for typo tolerance. */
export function indexTokens(text: string): string[] {
  const normalised = normalise(text);
  return [...segmentForSearch(normalised), ...hanBigrams(normalised).map((bigram) => BIGRAM_PREFIX + bigram)];
}

export function isBigramToken(token: string): boolean {
  return token.startsWith(BIGRAM_PREFIX);
}
