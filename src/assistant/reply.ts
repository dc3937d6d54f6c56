import type { ClarifyOption } from "./conversation.ts";

export type ReplyKind = "answer" | "clarify" | "escalate" | "refuse";

export interface Citation {
  matterId: string;
  section: string;
  title: string;
  /** Link to the guide section (optional extension of contract 2). */
  url?: string;
}

export interface EligibilitySummary {
  matterId: string;
  outcome: "eligible" | "not-eligible" | "undetermined";
  missing: string[];
  failed: Array<{ rule: string; message: string; section: string }>;
}

export interface FormSummary {
  draftId: string;
  matterId: string;
  status: "draft" | "confirmed" | "submitted";
  fields: Array<{
    name: string;
    label: string;
    value: string | null;
    source: "profile" | "conversation" | "citizen" | "eligibility";
  }>;
  missing: string[];
}

/** One reply of the assistant: the answer object of contract 2 (without id/latency). */
export interface Reply {
  kind: ReplyKind;
  text: string;
  citations: Citation[];
  options: ClarifyOption[];
  ticketId: string | null;
  eligibility?: EligibilitySummary;
  form?: FormSummary;
  /** Optional extensions: the reply's language, the matter in focus, suggested next steps. */
  lang?: "zh" | "en";
  matterId?: string;
  suggestions?: string[];
  /** A consent request naming the profile fields a form wants to read. */
  consent?: { matterId: string; fields: Array<{ name: string; label: string }>; purpose: string };
  /** Set when a hotline agent has the conversation: the assistant did not answer. */
  handoff?: { ticketId: string; agent?: string };
}

export function reply(kind: ReplyKind, text: string, extra: Partial<Reply> = {}): Reply {
  return { kind, text, citations: [], options: [], ticketId: null, ...extra };
}
