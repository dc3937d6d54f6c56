import { pinyin } from "pinyin-pro";

/** Toneless pinyin syllables of a Han term: 居住证 → [ju, zhu, zheng]. */
export function toPinyinSyllables(term: string): string[] {
  return pinyin(term, { toneType: "none", type: "array", nonZh: "removed", v: true }).map((syllable) =>
    syllable.toLowerCase(),
  );
}

/** Toneless pinyin of a Han term, syllables joined: 居住证 → juzhuzheng. */
export function toPinyinKey(term: string): string {
  return toPinyinSyllables(term).join("");
}

/** A term with its syllables, precomputed (pinyin-pro is slow to load and run at start-up). */
export interface PinyinEntry {
  term: string;
  syllables: string[];
}

/** Syllables of every Han term that could be typed as pinyin (2–12 characters). */
export function pinyinTable(terms: Iterable<string>): PinyinEntry[] {
  const entries: PinyinEntry[] = [];
  const seen = new Set<string>();
  for (const term of terms) {
    if (seen.has(term) || !/^\p{Script=Han}{2,12}$/u.test(term)) continue;
    seen.add(term);
    entries.push({ term, syllables: toPinyinSyllables(term) });
  }
  return entries;
}

const MIN_KEY_LENGTH = 6; // shorter keys match by accident inside longer pinyin strings
const MAX_SYLLABLE = 6;

/**
 * Finds Han terms typed as pinyin without an input method ("shen qing ju zhu zheng ji fen",
 * "juzhuzheng"). Only runs of words that read entirely as pinyin syllables are considered, so
 * English questions are not mistaken for pinyin.
 */
export class PinyinMatcher {
  private readonly syllables = new Set<string>();
  private readonly keys: Array<{ key: string; term: string }> = [];

  /** `terms`: Han terms, or a table from pinyinTable (saved with the index). */
  constructor(terms: Iterable<string> | readonly PinyinEntry[]) {
    const entries = Array.isArray(terms) && typeof terms[0] === "object" ? (terms as PinyinEntry[]) : null;
    const table = entries ?? pinyinTable(terms as Iterable<string>);
    const seen = new Set<string>();
    for (const { term, syllables } of table) {
      for (const syllable of syllables) this.syllables.add(syllable);
      const key = syllables.join("");
      if (key.length < MIN_KEY_LENGTH || seen.has(key)) continue;
      seen.add(key);
      this.keys.push({ key, term });
    }
    this.keys.sort((a, b) => b.key.length - a.key.length);
  }

  /** Han terms whose pinyin appears in the text, longest first, without overlaps. */
  match(normalised: string): string[] {
    return this.runs(normalised).flatMap((run) => run.terms);
  }

  /** The text with each pinyin run that names known terms replaced by those terms (Han). */
  transliterate(normalised: string): string {
    let text = normalised;
    for (const run of this.runs(normalised).reverse()) {
      if (run.terms.length > 0) text = `${text.slice(0, run.start)} ${run.terms.join(" ")} ${text.slice(run.end)}`;
    }
    return text;
  }

  /** Maximal runs of consecutive Latin words that each split into known syllables, with the terms they spell. */
  private runs(normalised: string): Array<{ start: number; end: number; terms: string[] }> {
    const runs: Array<{ start: number; end: number; letters: string }> = [];
    let current: { start: number; end: number; letters: string } | undefined;
    for (const word of normalised.matchAll(/[a-z]+/g)) {
      const start = word.index ?? 0;
      const between = current ? normalised.slice(current.end, start) : "";
      if (!this.isPinyin(word[0]) || (current && /[^\s]/.test(between))) {
        if (current) runs.push(current);
        current = undefined;
        if (!this.isPinyin(word[0])) continue;
      }
      if (current) {
        current.letters += word[0];
        current.end = start + word[0].length;
      } else current = { start, end: start + word[0].length, letters: word[0] };
    }
    if (current) runs.push(current);
    return runs
      .filter((run) => run.letters.length >= MIN_KEY_LENGTH)
      .map(({ start, end, letters }) => ({ start, end, terms: this.termsIn(letters) }));
  }

  private termsIn(letters: string): string[] {
    const terms: string[] = [];
    let rest = letters;
    for (const { key, term } of this.keys) {
      if (rest.length < MIN_KEY_LENGTH) break;
      const at = rest.indexOf(key);
      if (at < 0) continue;
      terms.push(term);
      rest = `${rest.slice(0, at)} ${rest.slice(at + key.length)}`;
    }
    return terms;
  }

  private isPinyin(word: string): boolean {
    // reachable[i]: word[0, i) splits into syllables.
    const reachable = new Array<boolean>(word.length + 1).fill(false);
    reachable[0] = true;
    for (let end = 1; end <= word.length; end += 1) {
      for (let start = Math.max(0, end - MAX_SYLLABLE); start < end && !reachable[end]; start += 1) {
        if (reachable[start] && this.syllables.has(word.slice(start, end))) reachable[end] = true;
      }
    }
    return reachable[word.length] === true;
  }
}
