import { createHash } from "node:crypto";
import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

interface Jieba {
  cut(text: string, hmm?: boolean): string[];
  cutForSearch(text: string, hmm?: boolean): string[];
  insertWord(word: string, tag?: string): boolean;
  load(options?: Record<string, string>): unknown;
}

const require = createRequire(import.meta.url);
const jieba = require("nodejieba") as Jieba;

/**
 * jieba's full dictionary (349k words) costs ~250 MB of RSS per process; words seen fewer than
 * this many times in its corpus are rare enough to drop (67k words, ~65 MB). Domain terms from
 * the guides are added back with insertWord, so matter names still stay whole.
 */
const MIN_WORD_FREQUENCY = 30;

function compactDictionary(): string {
  const dictDir = join(dirname(require.resolve("nodejieba/package.json")), "submodules/cppjieba/dict");
  const source = readFileSync(join(dictDir, "jieba.dict.utf8"), "utf8");
  const key = createHash("sha256").update(source).update(String(MIN_WORD_FREQUENCY)).digest("hex").slice(0, 12);
  const target = join(tmpdir(), `xiaoshen-jieba-${key}.utf8`);
  if (!existsSync(target)) {
    const kept = source.split("\n").filter((line) => Number(line.split(" ")[1]) >= MIN_WORD_FREQUENCY);
    // Write then rename so parallel processes never load a half-written file.
    const partial = `${target}.${process.pid}.tmp`;
    writeFileSync(partial, `${kept.join("\n")}\n`);
    renameSync(partial, target);
  }
  return target;
}

jieba.load({ dict: compactDictionary() });

const STOPWORDS = new Set(
  readFileSync(new URL("./lexicon/stopwords.txt", import.meta.url), "utf8")
    .split(/\s+/)
    .filter(Boolean),
);
const WORD = /[\p{L}\p{N}]/u;
const added = new Set<string>();

/** Adds domain terms (guide titles, aliases, material names) so jieba keeps them whole. */
export function addDomainWords(words: Iterable<string>): void {
  for (const word of words) {
    const trimmed = word.trim();
    if (trimmed.length < 2 || trimmed.length > 16 || added.has(trimmed) || /\s/.test(trimmed)) continue;
    added.add(trimmed);
    jieba.insertWord(trimmed, "nz");
  }
}

/** Words of a normalised text, stop words and punctuation removed. */
export function segment(normalised: string): string[] {
  return jieba
    .cut(normalised, true)
    .filter((token) => WORD.test(token) && !STOPWORDS.has(token.trim()) && token.trim());
}

/** Finer segmentation for indexing and recall: long words also yield their sub-words. */
export function segmentForSearch(normalised: string): string[] {
  return jieba
    .cutForSearch(normalised, true)
    .map((token) => token.trim())
    .filter((token) => token && WORD.test(token) && !STOPWORDS.has(token));
}

/** Overlapping character bigrams of the Han runs (robust to typos and segmentation errors). */
export function hanBigrams(normalised: string): string[] {
  const bigrams: string[] = [];
  for (const run of normalised.match(/\p{Script=Han}+/gu) ?? []) {
    if (run.length === 1) continue;
    for (let index = 0; index < run.length - 1; index += 1) bigrams.push(run.slice(index, index + 2));
  }
  return bigrams;
}

export function isStopword(token: string): boolean {
  return STOPWORDS.has(token);
}
