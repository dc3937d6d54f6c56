import { type Guide, type KnowledgeBase, SECTION_KEYS, type SectionKey, sectionTitle } from "../knowledge/index.ts";

/** The unit of retrieval: one guide section (or one FAQ item), titled with its guide. */
export interface Chunk {
  id: string;
  matterId: string;
  section: SectionKey;
  title: string;
  /** What an answer may quote. */
  text: string;
  /** What the indexes see: the text plus the guide's title (and names, for the overview). */
  indexText: string;
}

/** `extraAliases`: matter id → further names, indexed with the overview like the guide's own aliases. */
export function buildChunks(knowledge: KnowledgeBase, extraAliases: Record<string, string[]> = {}): Chunk[] {
  return knowledge.guides.flatMap((guide) => chunksOfGuide(guide, extraAliases[guide.id] ?? []));
}

function chunksOfGuide(guide: Guide, extraAliases: string[]): Chunk[] {
  const chunks: Chunk[] = [];
  const names = `${guide.title.zh} ${guide.title.en}`;
  for (const key of SECTION_KEYS) {
    const section = guide.sections[key];
    if (!section) continue;
    const title = sectionTitle(guide, key);
    if (key === "faq" && section.faq.length > 0) {
      section.faq.forEach((item, index) => {
        const text = `${item.question}\n${item.answer}`;
        chunks.push({
          id: `${guide.id}#faq-${index + 1}`,
          matterId: guide.id,
          section: key,
          title,
          text,
          indexText: `${names}\n${text}`,
        });
      });
      continue;
    }
    const extra =
      key === "overview"
        ? `\n${[...guide.aliases, ...extraAliases].join(" ")}\n${guide.summary.zh}\n${guide.summary.en}\n${guide.department.zh}`
        : "";
    chunks.push({
      id: `${guide.id}#${key}`,
      matterId: guide.id,
      section: key,
      title,
      text: section.text,
      indexText: `${names} ${section.heading}\n${section.text}${extra}`,
    });
  }
  return chunks;
}
