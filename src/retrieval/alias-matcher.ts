import type { KnowledgeBase } from "../knowledge/index.ts";
import { searchForm } from "./tokens.ts";

/** A phrase this long or longer counts fully; shorter ones (居住证) are weaker evidence. */
const FULL_LENGTH = 5;

interface AliasEntry {
  phrase: string;
  matterId: string;
  /** 0..1: longer and more specific phrases are stronger evidence of their matter. */
  strength: number;
}

/** Finds guide titles and aliases written inside a question: the strongest signal of a matter. */
export class AliasMatcher {
  private readonly entries: AliasEntry[] = [];

  /** `extraAliases`: matter id → further names (the lexicon's matter aliases). */
  constructor(knowledge: KnowledgeBase, extraAliases: Record<string, string[]> = {}) {
    const namesByMatter = new Map<string, string[]>();
    for (const guide of knowledge.guides) {
      const names = [guide.title.zh, guide.title.en, ...guide.aliases, ...(extraAliases[guide.id] ?? [])];
      namesByMatter.set(
        guide.id,
        [...new Set(names.map(searchForm))].filter((phrase) => phrase.length >= 2),
      );
    }
    // One string per matter (names joined by a separator no name contains) for cheap containment tests.
    const joined = [...namesByMatter].map(([matterId, phrases]) => [matterId, phrases.join("\u0000")] as const);
    for (const [matterId, phrases] of namesByMatter) {
      for (const phrase of phrases) {
        // A phrase inside other matters' names too (居住证 in 居住证积分) names none of them surely.
        let sharedWith = 0;
        for (const [otherId, names] of joined) if (otherId !== matterId && names.includes(phrase)) sharedWith += 1;
        const strength = Math.min(1, phrase.length / FULL_LENGTH) / (1 + sharedWith);
        this.entries.push({ phrase, matterId, strength });
      }
    }
    this.entries.sort((a, b) => b.phrase.length - a.phrase.length);
  }

  /**
   * Matter id → strength (0..1) of its strongest phrase found in the question. Longest match wins a
   * span: 居住证 inside 居住证积分 names the points scheme, not the permit.
   */
  match(question: string): Map<string, number> {
    const found = new Map<string, number>();
    const claimed: Array<[number, number]> = [];
    for (const { phrase, matterId, strength } of this.entries) {
      let from = question.indexOf(phrase);
      while (from >= 0) {
        const to = from + phrase.length;
        if (!claimed.some(([start, end]) => from < end && to > start)) {
          claimed.push([from, to]);
          found.set(matterId, Math.max(found.get(matterId) ?? 0, strength));
        }
        from = question.indexOf(phrase, from + 1);
      }
    }
    return found;
  }
}
