import type { SectionKey } from "../knowledge/index.ts";

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
  /** Returns the eligibility object (or throws on an unknown matter or fact: the model sees the error). */
  checkEligibility?(matterId: string, facts: Record<string, string | number | boolean>): unknown;
  /** Pre-fills for the turn's signed-in citizen; returns the draft or what is needed first. */
  prefillForm?(matterId: string): Promise<unknown>;
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
