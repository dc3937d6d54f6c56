export { detectLanguage, isBlank, normalise } from "./normalise.ts";
export { loadSynonymGroups, QueryExpander, toPinyinKey } from "./query-expander.ts";
export { addDomainWords, hanBigrams, isStopword, segment, segmentForSearch } from "./segmenter.ts";
