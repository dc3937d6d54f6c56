import type { KnowledgeBase } from "../knowledge/index.ts";
import { normalise } from "../text/index.ts";

/** Finds guide titles and aliases written inside a question: the strongest signal of a matter. */
export class AliasMatcher {
  private readonly entries: Array<{ phrase: string; matterId: string }> = [];

  constructor(knowledge: KnowledgeBase) {
    for (const guide of knowledge.guides) {
      const phrases = new Set([guide.title.zh, guide.title.en, ...guide.aliases].map(normalise));
      for (const phrase of phrases) if (phrase.length >= 2) this.entries.push({ phrase, matterId: guide.id });
    }
    this.entries.sort((a, b) => b.phrase.length - a.phrase.length);
  }

  /** Matter id → length of the longest of its phrases found in the question. */
  match(normalisedQuestion: string): Map<string, number> {
    const found = new Map<string, number>();
    for (const { phrase, matterId } of this.entries) {
      if (found.has(matterId)) continue;
      if (normalisedQuestion.includes(phrase)) found.set(matterId, phrase.length);
    }
    return found;
  }
}
