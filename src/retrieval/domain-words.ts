import type { KnowledgeBase } from "../knowledge/index.ts";
import { normalise } from "../text/index.ts";

const HAN_ONLY = /^\p{Script=Han}+$/u;

/** Terms jieba must keep whole: titles, aliases, material names and the synonym lexicon. */
export function domainWords(
  knowledge: KnowledgeBase,
  synonyms: string[][],
  extraAliases: Record<string, string[]>,
): string[] {
  const words: string[] = synonyms.flat();
  for (const guide of knowledge.guides) {
    words.push(normalise(guide.title.zh).replace(/[“”"（）()]/g, ""));
    for (const alias of [...guide.aliases, ...(extraAliases[guide.id] ?? [])])
      if (HAN_ONLY.test(alias)) words.push(normalise(alias));
    for (const material of guide.materials) words.push(normalise(material.name.replace(/[（(].*$/, "")));
  }
  return words;
}

/** Han terms a citizen may type as pinyin: the lexicon's, the titles and the aliases. */
export function pinyinTerms(
  knowledge: KnowledgeBase,
  synonyms: string[][],
  extraAliases: Record<string, string[]>,
): string[] {
  return [
    ...synonyms.flat(),
    ...knowledge.guides.flatMap((guide) => [
      normalise(guide.title.zh).replace(/[“”"（）()]/g, ""),
      ...guide.aliases.map(normalise),
      ...(extraAliases[guide.id] ?? []).map(normalise),
    ]),
  ];
}
