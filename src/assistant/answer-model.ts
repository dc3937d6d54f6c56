import type { SectionKey } from "../knowledge/index.ts";
import type { EligibilitySummary, FormSummary } from "./reply.ts";

/** A guide section the model may read and cite, keyed `matterId#section`. */
export interface GroundedSection {
  key: string;
  matterId: string;
  section: SectionKey;
  title: string;
  text: string;
}

/**
 * What an LLM agent may do during one turn. Built per turn by the dialogue, so every tool acts on
 * the authenticated session's citizen (bound here), never on an identity the model passes in.
 */
export interface AgentToolbox {
  searchGuides(query: string): GroundedSection[];
  getSection(matterId: string, section: SectionKey): GroundedSection | undefined;
  checkEligibility?(matterId: string, facts: Record<string, unknown>): EligibilitySummary;
  prefillForm?(matterId: string): Promise<FormSummary | { error: string }>;
  createTicket?(category: string, summary: string): Promise<string>;
  /** Every section the tools handed to the model during this turn (what it may cite). */
  readonly seen: ReadonlyMap<string, GroundedSection>;
}

export interface ModelAnswerRequest {
  question: string;
  lang: "zh" | "en";
  history: Array<{ role: "user" | "assistant"; text: string }>;
  /** Sections retrieved before the call; the model starts from these. */
  sections: GroundedSection[];
  toolbox: AgentToolbox;
}

export interface ModelAnswer {
  /** The reply as the model wrote it, with [[matterId#section]] citation markers. */
  text: string;
  /** Set when the model handed the conversation to 12345 through its tool. */
  ticketId?: string;
}

/** The port an LLM adapter implements (LangChain + an OpenAI-compatible endpoint by default). */
export interface AnswerModel {
  readonly id: string;
  answer(
    request: ModelAnswerRequest,
    options: { signal: AbortSignal; onToken?: (token: string) => void },
  ): Promise<ModelAnswer>;
}

/** Minimal logging port so the domain can report model faults without knowing the logger. */
export interface FaultReporter {
  warn(details: Record<string, unknown>, message: string): void;
}
