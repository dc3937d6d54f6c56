import type { SectionKey } from "../knowledge/index.ts";

export type MessageRole = "user" | "assistant" | "agent" | "system";

/** One stored message of a conversation; text is already masked. */
export interface ConversationMessage {
  sessionId: string;
  seq: number;
  role: MessageRole;
  text: string;
  payload?: unknown;
  clientMessageId?: string;
  createdAt: string;
}

export type NewMessage = Omit<ConversationMessage, "seq" | "createdAt">;

export interface ClarifyOption {
  matterId: string;
  title: string;
}

/** What the dialogue remembers between turns; persisted so another process can continue. */
export interface SessionState {
  sessionId: string;
  citizenId?: string;
  lang: "zh" | "en";
  /** The matter the conversation is about, for follow-ups. */
  currentMatterId?: string;
  /** The section last answered, e.g. for "那英文呢". */
  lastSection?: SectionKey;
  /** Options offered by the last clarifying question, resolved by the next turn. */
  pendingClarify?: { question: string; options: ClarifyOption[] };
  /** Consecutive turns that found nothing or were marked unhelpful. */
  failures: number;
  /** Recent user questions (masked), to spot rephrasing. */
  recentQuestions: string[];
  /** Set while a hotline agent has taken over: the assistant stays silent. */
  agentTakeover?: { ticketId: string; since: string };
  /** State of multi-turn flows (eligibility check, consent, form), owned by each flow. */
  flows: Record<string, unknown>;
  turnCount: number;
}

export function newSessionState(sessionId: string, citizenId?: string): SessionState {
  return { sessionId, citizenId, lang: "zh", failures: 0, recentQuestions: [], flows: {}, turnCount: 0 };
}

/** Where sessions and their messages live (SQLite by default; any store with these calls will do). */
export interface ConversationStore {
  loadSession(sessionId: string): Promise<SessionState | undefined>;
  saveSession(state: SessionState): Promise<void>;
  /** Appends a message; with a clientMessageId already stored, returns the stored one instead. */
  appendMessage(message: NewMessage): Promise<{ message: ConversationMessage; duplicate: boolean }>;
  listMessages(sessionId: string, afterSeq?: number): Promise<ConversationMessage[]>;
}
