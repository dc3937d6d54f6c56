export { KnowledgeError } from "./errors.ts";
export type { FactCatalogue, FactDefinition } from "./fact.schema.ts";
export { parseGuide, toPlainText } from "./guide.parser.ts";
export type { Bilingual, Condition, EligibilityRule, FormDefinition, FormField, Material } from "./guide.schema.ts";
export { describeMaterial, type FaqItem, type Guide, type GuideSection, getSection, sectionTitle } from "./guide.ts";
export { FACTS_DIRECTORY, loadKnowledgeBase } from "./knowledge.loader.ts";
export { KnowledgeBase } from "./knowledge-base.ts";
export * from "./vocabulary.ts";
