import type { Guide, KnowledgeBase, SectionKey } from "../knowledge/index.ts";
import type { Chunk, RetrievalResult, Retriever } from "../retrieval/index.ts";
import type { AnswerModel, FaultReporter, GroundedSection } from "./answer-model.ts";
import { resolveCitations } from "./citation-markers.ts";
import { citationFor } from "./composer.ts";
import type { Turn } from "./dialogue.ts";
import { type Reply, reply } from "./reply.ts";
import { createToolbox, groundedSection, type ToolboxServices } from "./toolbox.ts";

export interface ModelTurnOptions {
  history?: Array<{ role: "user" | "assistant"; text: string }>;
  onToken?: (token: string) => void;
}

const CONTEXT_SECTIONS = 6;

/**
 * Asks the LLM to answer from retrieved sections. Returns undefined — and the caller keeps the
 * offline answer — on a timeout, an endpoint error, malformed output or no valid citation.
 */
export class ModelAnswerer {
  constructor(
    private readonly model: AnswerModel,
    private readonly knowledge: KnowledgeBase,
    private readonly retriever: Retriever,
    private readonly faults: FaultReporter,
    private readonly timeoutMs: number,
    /** Lines of the system prompt: a reply quoting any of them is discarded. */
    private readonly secretLines: readonly string[] = [],
  ) {}

  async answer(
    turn: Turn,
    guide: Guide,
    chosen: Chunk,
    retrieval: RetrievalResult,
    services: ToolboxServices,
    options: ModelTurnOptions,
  ): Promise<Reply | undefined> {
    const sections = this.contextSections(guide, chosen, retrieval);
    const toolbox = createToolbox(this.knowledge, this.retriever, sections, services);
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(new Error("llm timeout")), this.timeoutMs);
    try {
      const result = await this.model.answer(
        { question: turn.message, lang: turn.lang, history: options.history ?? [], sections, toolbox },
        { signal: controller.signal, onToken: options.onToken },
      );
      if (this.secretLines.some((line) => result.text.includes(line))) {
        this.faults.warn({ model: this.model.id }, "llm reply quoted its instructions; using the offline answer");
        return undefined;
      }
      const { text, keys, dropped } = resolveCitations(result.text, new Set(toolbox.seen.keys()));
      if (dropped.length) this.faults.warn({ model: this.model.id, dropped }, "llm cited sections it was not given");
      if (keys.length === 0) {
        this.faults.warn({ model: this.model.id }, "llm answer without a valid citation; using the offline answer");
        return undefined;
      }
      const citations = keys.flatMap((key) => {
        const [matterId = "", section = ""] = key.split("#");
        const cited = this.knowledge.get(matterId);
        return cited ? [citationFor(cited, section as SectionKey)] : [];
      });
      if (result.ticketId) return reply("escalate", text, { ticketId: result.ticketId, citations, lang: turn.lang });
      return reply("answer", text, { citations, lang: turn.lang, matterId: guide.id });
    } catch (error) {
      this.faults.warn(
        { model: this.model.id, error: (error as Error)?.message?.slice(0, 200) ?? String(error) },
        "llm failed; using the offline answer",
      );
      return undefined;
    } finally {
      clearTimeout(timer);
    }
  }

  /** The chosen section first, then the focused guide's other hits, then other guides' best. */
  private contextSections(guide: Guide, chosen: Chunk, retrieval: RetrievalResult): GroundedSection[] {
    const picked: Chunk[] = [chosen];
    const add = (chunk: Chunk) => {
      if (picked.length < CONTEXT_SECTIONS && !picked.some((existing) => existing.id === chunk.id)) picked.push(chunk);
    };
    for (const scored of retrieval.chunks) if (scored.chunk.matterId === guide.id) add(scored.chunk);
    const overview = this.retriever.chunksOf(guide.id, "overview")[0];
    if (overview) add(overview);
    for (const scored of retrieval.chunks.slice(0, 3)) add(scored.chunk);
    return picked.map((chunk) => groundedSection(this.knowledge, chunk));
  }
}
