import type { Citation, EligibilitySummary, FormSummary } from "../assistant/reply.ts";

export const TICKET_CATEGORIES = ["咨询", "求助", "投诉", "举报", "建议", "表扬"] as const;
export type TicketCategory = (typeof TICKET_CATEGORIES)[number];
export const TICKET_STATUSES = ["new", "assigned", "in-progress", "resolved", "closed"] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];
export const TICKET_URGENCIES = ["urgent", "normal"] as const;
export type TicketUrgency = (typeof TICKET_URGENCIES)[number];

export interface TranscriptLine {
  role: "user" | "assistant" | "agent" | "system";
  text: string;
  at: string;
}

export interface TicketNote {
  author: string;
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
  notes: TicketNote[];
  /** Set while an agent speaks in the citizen's conversation and the assistant is silent. */
  takeover?: { agent: string; since: string };
  createdAt: string;
  updatedAt: string;
}

export interface NewTicket
  extends Omit<Ticket, "id" | "status" | "notes" | "createdAt" | "updatedAt" | "assignee" | "takeover"> {
  /** Same key, same ticket: a retried escalation never makes a second one. */
  idempotencyKey: string;
}

/** One line of a ticket's audit log: who did what, when. */
export interface TicketAuditEntry {
  actor: string;
  action: string;
  detail?: string;
  at: string;
}

export type TicketChange = Partial<Pick<Ticket, "status" | "assignee" | "notes" | "takeover">>;

export interface TicketFilter {
  status?: readonly TicketStatus[];
  sessionId?: string;
  limit?: number;
}

export interface TicketStore {
  /** Creates the ticket, or returns the one already created with this idempotency key. */
  create(ticket: NewTicket, now: string): Promise<{ ticket: Ticket; created: boolean }>;
  get(id: string): Promise<Ticket | undefined>;
  /** Urgent first, then newest first. */
  list(filter?: TicketFilter): Promise<Ticket[]>;
  /**
   * Applies a change and records it in the audit log, atomically. `expect` guards against a
   * concurrent change: when the stored status differs, nothing is written and undefined returned.
   */
  update(
    id: string,
    change: TicketChange,
    audit: TicketAuditEntry,
    expect?: { status: TicketStatus },
  ): Promise<Ticket | undefined>;
  audit(id: string): Promise<TicketAuditEntry[]>;
}
