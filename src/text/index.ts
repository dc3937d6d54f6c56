export { stemEnglish } from "./english.ts";
export { createNoiseStripper, lexiconHash, loadMatterAliases } from "./lexicon.ts";
export { detectLanguage, isBlank, normalise } from "./normalise.ts";
export { foldNumbers, parseChineseNumber } from "./numbers.ts";
export { type PinyinEntry, PinyinMatcher, pinyinTable, toPinyinKey, toPinyinSyllables } from "./pinyin.ts";
export { loadSynonymGroups, QueryExpander } from "./query-expander.ts";
export { addDomainWords, hanBigrams, isStopword, segment, segmentForSearch } from "./segmenter.ts";
