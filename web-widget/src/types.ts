/** The shapes the widget receives from the server (contract 2's answer object and socket pushes). */

export interface Citation {
  matterId: string;
  section: string;
  title: string;
  url?: string;
}

export interface ClarifyOption {
  matterId: string;
  title: string;
}

export interface Eligibility {
  matterId: string;
  outcome: "eligible" | "not-eligible" | "undetermined";
  missing: string[];
  failed: Array<{ rule: string; message: string; section: string }>;
}

export interface FormField {
  name: string;
  label: string;
  value: string | null;
  source: "profile" | "conversation" | "citizen" | "eligibility";
}

export interface FormDraft {
  draftId: string;
  matterId: string;
  status: "draft" | "confirmed" | "submitted";
  fields: FormField[];
  missing: string[];
}

export interface ConsentRequest {
  matterId: string;
  fields: Array<{ name: string; label: string }>;
  purpose: string;
}

/** The assistant's reply as stored in a message payload or returned by POST /api/chat. */
export interface Answer {
  kind: "answer" | "clarify" | "escalate" | "refuse";
  text: string;
  citations?: Citation[];
  options?: ClarifyOption[];
  ticketId?: string | null;
  eligibility?: Eligibility;
  form?: FormDraft;
  consent?: ConsentRequest;
  handoff?: { ticketId: string; agent?: string };
  suggestions?: string[];
  lang?: "zh" | "en";
}

export type Role = "user" | "assistant" | "agent" | "system";

/** One stored message of the conversation (`chat:message`, `session:resume`). */
export interface ChatMessage {
  seq: number;
  role: Role;
  text: string;
  payload?: Answer | Record<string, unknown>;
  clientMessageId?: string;
}

/** What the widget knows about an eligibility fact, from /widget/facts.json. */
export interface FactInfo {
  type: "boolean" | "number" | "enum" | "date";
  label: { zh: string; en: string };
  unit?: string;
  options?: Array<{ value: string; label: { zh: string; en: string } }>;
  /** Yes/no phrases that name the fact, clear even when two questions are open at once. */
  answers?: { yes: { zh: string; en: string }; no: { zh: string; en: string } };
}

export type Lang = "zh" | "en";
export type Mode = "standard" | "elder";
