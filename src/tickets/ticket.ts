import type { Citation, EligibilitySummary, FormSummary } from "../assistant/reply.ts";

export const TICKET_CATEGORIES = ["咨询", "求助", "投诉", "举报", "建议", "表扬"] as const;
export type TicketCategory = (typeof TICKET_CATEGORIES)[number];
export const TICKET_STATUSES = ["new", "assigned", "in-progress", "resolved", "closed"] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];
export type TicketUrgency = "urgent" | "normal";

export interface TranscriptLine {
  role: "user" | "assistant" | "agent" | "system";
  text: string;
  at: string;
}

/** A 12345 work order (工单) with the evidence the assistant gathered; all text masked. */
export interface Ticket {
  id: string;
  sessionId: string;
  category: TicketCategory;
  urgency: TicketUrgency;
  status: TicketStatus;
  /** Why the assistant escalated (the routing intent, e.g. complaint, ask-person). */
  reason: string;
  matterId?: string;
  district?: string;
  summary: string;
  transcript: TranscriptLine[];
  citations: Citation[];
  eligibility?: EligibilitySummary;
  form?: FormSummary;
  assignee?: string;
  notes: Array<{ author: string; text: string; at: string }>;
  createdAt: string;
  updatedAt: string;
}

export interface NewTicket extends Omit<Ticket, "id" | "status" | "notes" | "createdAt" | "updatedAt" | "assignee"> {
  /** Same key, same ticket: a retried escalation never makes a second one. */
  idempotencyKey: string;
}

export interface TicketStore {
  /** Creates the ticket, or returns the one already created with this idempotency key. */
  create(ticket: NewTicket, now: string): Promise<{ ticket: Ticket; created: boolean }>;
  get(id: string): Promise<Ticket | undefined>;
  list(filter?: { status?: TicketStatus[]; limit?: number }): Promise<Ticket[]>;
  /** Applies a change and records it in the audit log, atomically. */
  update(
    id: string,
    change: Partial<Pick<Ticket, "status" | "assignee" | "notes">>,
    audit: { actor: string; action: string; at: string },
  ): Promise<Ticket>;
}
