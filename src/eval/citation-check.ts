import { type KnowledgeBase, SECTION_KEYS, type SectionKey, sectionTitle } from "../knowledge/index.ts";

export interface CitationLike {
  matterId: string;
  section: string;
  title: string;
}

export interface CitationVerdict {
  citation: CitationLike;
  valid: boolean;
  /** Why it is invalid, when it is. */
  problem?: "unknown-guide" | "unknown-section" | "title-mismatch" | "not-retrieved";
}

/** Guides the assistant may cite without retrieving them: its own platform and hotline articles. */
export const SERVICE_GUIDES: readonly string[] = ["platform-overview", "hotline-12345"];

/**
 * A citation is valid when it names an existing section of an existing guide, with that section's
 * title, and the guide was known to the turn: retrieved for the question, in the conversation's
 * context (cited, offered or a bundle member before), or one of the service's own guides.
 */
export function checkCitation(
  knowledge: KnowledgeBase,
  citation: CitationLike,
  knownMatters: ReadonlySet<string>,
): CitationVerdict {
  const guide = knowledge.get(citation.matterId);
  if (!guide) return { citation, valid: false, problem: "unknown-guide" };
  if (
    !(SECTION_KEYS as readonly string[]).includes(citation.section) ||
    !guide.sections[citation.section as SectionKey]
  )
    return { citation, valid: false, problem: "unknown-section" };
  const section = citation.section as SectionKey;
  const titles = [sectionTitle(guide, section, "zh"), sectionTitle(guide, section, "en")];
  if (!titles.includes(citation.title)) return { citation, valid: false, problem: "title-mismatch" };
  if (!knownMatters.has(citation.matterId) && !SERVICE_GUIDES.includes(citation.matterId))
    return { citation, valid: false, problem: "not-retrieved" };
  return { citation, valid: true };
}

/** The texts a reply may quote from: each cited section, with its guide's names. */
export function citedTexts(knowledge: KnowledgeBase, citations: readonly CitationLike[]): string[] {
  return citations.flatMap((citation) => {
    const guide = knowledge.get(citation.matterId);
    const section = guide?.sections[citation.section as SectionKey];
    if (!guide || !section) return [];
    return [guide.title.zh, guide.title.en, citation.title, section.text];
  });
}
