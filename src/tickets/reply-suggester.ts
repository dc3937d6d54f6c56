import { citationFor, excerpt } from "../assistant/composer.ts";
import type { Citation } from "../assistant/reply.ts";
import type { KnowledgeBase } from "../knowledge/index.ts";
import type { Chunk, Retriever } from "../retrieval/index.ts";
import type { Ticket } from "./ticket.ts";

const SECTIONS_SHOWN = 3;
const SECTIONS_IN_DRAFT = 2;
const EXCERPT_CHARS = 220;
/** The citizen's last few lines are the ticket's question. */
const QUESTION_LINES = 3;

/** One guide section offered to the agent, with the excerpt they may insert and its citation. */
export interface SectionSuggestion {
  chunkId: string;
  citation: Citation;
  excerpt: string;
  /** `【title】[n] excerpt` ready to insert into a reply. */
  snippet: string;
}

export interface SuggestionSet {
  query: string;
  sections: SectionSuggestion[];
  /** A reply composed from the sections' own words, with [n] markers matching `citations`. */
  draft: string;
  citations: Citation[];
}

/**
 * Suggestions for a hotline agent: the top guide sections for a question and a drafted reply built
 * only from their text (the same rule as the assistant's offline answers: quote, never invent).
 */
export class ReplySuggester {
  constructor(
    private readonly knowledge: KnowledgeBase,
    private readonly retriever: Retriever,
  ) {}

  /** Suggestions for the citizen's question in a ticket (their last lines, within its matter first). */
  forTicket(ticket: Ticket): SuggestionSet {
    const lines = ticket.transcript.filter((line) => line.role === "user").map((line) => line.text);
    const query = lines.slice(-QUESTION_LINES).join(" ") || ticket.summary;
    return this.suggest(query, ticket.matterId);
  }

  /** Suggestions for whatever the agent typed; a known matter's sections come first. */
  suggest(query: string, matterId?: string): SuggestionSet {
    const chunks: Chunk[] = [];
    const add = (chunk: Chunk) => {
      if (chunks.length < SECTIONS_SHOWN && !chunks.some((known) => known.id === chunk.id)) chunks.push(chunk);
    };
    if (matterId && this.knowledge.has(matterId)) {
      const within = this.retriever.search(query, { matterIds: [matterId], limit: 2 });
      for (const scored of within.chunks) add(scored.chunk);
    }
    for (const scored of this.retriever.search(query, { limit: SECTIONS_SHOWN * 2 }).chunks) add(scored.chunk);
    const sections = chunks.flatMap((chunk, index) => this.present(chunk, index + 1));
    return { query, sections, ...this.draft(sections) };
  }

  private present(chunk: Chunk, number: number): SectionSuggestion[] {
    const guide = this.knowledge.get(chunk.matterId);
    if (!guide) return [];
    const citation = citationFor(guide, chunk.section);
    const text = excerpt(chunk.text, EXCERPT_CHARS);
    return [{ chunkId: chunk.id, citation, excerpt: text, snippet: `【${citation.title}】[${number}]\n${text}` }];
  }

  private draft(sections: SectionSuggestion[]): Pick<SuggestionSet, "draft" | "citations"> {
    const used = sections.slice(0, SECTIONS_IN_DRAFT);
    if (used.length === 0) {
      return {
        draft: "您好，这里是12345市民服务热线，您反映的情况我们已收到，正在为您核实处理，请稍候。",
        citations: [],
      };
    }
    const body = used.map((section) => `${section.snippet}\n完整指南：${section.citation.url}`);
    const draft = [
      "您好，这里是12345市民服务热线。关于您的问题，办事指南中的规定如下：",
      ...body,
      "如还有疑问，欢迎随时告诉我们。",
    ].join("\n");
    return { draft, citations: used.map((section) => section.citation) };
  }
}
