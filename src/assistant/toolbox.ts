import type { KnowledgeBase, SectionKey } from "../knowledge/index.ts";
import { sectionTitle } from "../knowledge/index.ts";
import type { Chunk, Retriever } from "../retrieval/index.ts";
import type { AgentToolbox, GroundedSection } from "./answer-model.ts";

export type ToolboxServices = Pick<AgentToolbox, "checkEligibility" | "prefillForm" | "createTicket">;

export function groundedSection(knowledge: KnowledgeBase, chunk: Chunk): GroundedSection {
  const guide = knowledge.get(chunk.matterId);
  return {
    key: `${chunk.matterId}#${chunk.section}`,
    matterId: chunk.matterId,
    section: chunk.section,
    title: guide ? sectionTitle(guide, chunk.section) : chunk.title,
    text: chunk.text,
  };
}

/** The tools of one LLM turn; remembers every section it handed out so citations can be checked. */
export function createToolbox(
  knowledge: KnowledgeBase,
  retriever: Retriever,
  initial: GroundedSection[],
  services: ToolboxServices,
): AgentToolbox {
  const seen = new Map<string, GroundedSection>();
  const remember = (section: GroundedSection) => {
    const existing = seen.get(section.key);
    // FAQ items share one key: keep all their text so a citation of #faq covers each item seen.
    if (existing && existing.text !== section.text && !existing.text.includes(section.text)) {
      seen.set(section.key, { ...existing, text: `${existing.text}\n${section.text}` });
    } else if (!existing) {
      seen.set(section.key, section);
    }
    return section;
  };
  initial.forEach(remember);
  return {
    seen,
    searchGuides: (query) =>
      retriever
        .search(query, { limit: 5 })
        .chunks.slice(0, 5)
        .map((scored) => remember(groundedSection(knowledge, scored.chunk))),
    getSection: (matterId: string, section: SectionKey) => {
      const chunks = retriever.chunksOf(matterId, section);
      if (chunks.length === 0) return undefined;
      const text = chunks.map((chunk) => chunk.text).join("\n");
      return remember({ ...groundedSection(knowledge, chunks[0] as Chunk), text });
    },
    checkEligibility: services.checkEligibility,
    prefillForm: services.prefillForm,
    createTicket: services.createTicket,
  };
}
