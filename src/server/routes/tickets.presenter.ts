import type { Agent } from "../../agents/index.ts";
import type { Citation, ConversationMessage } from "../../assistant/index.ts";
import type { KnowledgeBase } from "../../knowledge/index.ts";
import { maskDeep } from "../../privacy/index.ts";
import { allowedActions, type Ticket, type TicketAuditEntry } from "../../tickets/index.ts";
import type { PresentedAgent, PresentedMessage, TicketDetail, TicketSummary } from "../realtime/agent.schema.ts";

/** Maps tickets, messages and agents to the JSON the console receives (HTTP and socket alike). */
export class TicketPresenter {
  constructor(private readonly knowledge: KnowledgeBase) {}

  summary(ticket: Ticket): TicketSummary {
    const summary: TicketSummary = {
      id: ticket.id,
      category: ticket.category,
      urgency: ticket.urgency,
      status: ticket.status,
      summary: ticket.summary,
      createdAt: ticket.createdAt,
      updatedAt: ticket.updatedAt,
    };
    if (ticket.matterId) {
      summary.matterId = ticket.matterId;
      const title = this.knowledge.get(ticket.matterId)?.title.zh;
      if (title) summary.matterTitle = title;
    }
    if (ticket.district) summary.district = ticket.district;
    if (ticket.assignee) summary.assignee = ticket.assignee;
    if (ticket.takeover) summary.takeover = { agent: ticket.takeover.agent, since: ticket.takeover.since };
    return summary;
  }

  /** The ticket with its evidence and the live conversation, masked once more on the way out. */
  detail(ticket: Ticket, audit: TicketAuditEntry[], messages: ConversationMessage[]): TicketDetail {
    const detail: TicketDetail = {
      ...this.summary(ticket),
      sessionId: ticket.sessionId,
      reason: ticket.reason,
      transcript: ticket.transcript.map(({ role, text, at }) => ({ role, text, at })),
      citations: ticket.citations.map(presentCitation),
      notes: ticket.notes.map(({ author, text, at }) => ({ author, text, at })),
      audit: audit.map(({ actor, action, detail: line, at }) =>
        line ? { actor, action, detail: line, at } : { actor, action, at },
      ),
      actions: allowedActions(ticket.status),
      messages: messages.map(presentMessage),
    };
    if (ticket.eligibility) detail.eligibility = ticket.eligibility;
    if (ticket.form) detail.form = ticket.form;
    return maskDeep(detail);
  }
}

export function presentCitation({ matterId, section, title, url }: Citation): Citation {
  return url ? { matterId, section, title, url } : { matterId, section, title };
}

export function presentMessage(message: ConversationMessage): PresentedMessage {
  const payload = (message.payload ?? {}) as { kind?: string; agent?: string; citations?: Citation[] };
  const presented: PresentedMessage = {
    seq: message.seq,
    role: message.role,
    text: message.text,
    createdAt: message.createdAt,
  };
  if (typeof payload.kind === "string") presented.kind = payload.kind;
  if (typeof payload.agent === "string") presented.agent = payload.agent;
  if (Array.isArray(payload.citations) && payload.citations.length) {
    presented.citations = payload.citations.map(presentCitation);
  }
  return maskDeep(presented);
}

export function presentAgent(agent: Agent): PresentedAgent {
  return { username: agent.username, displayName: agent.displayName, role: agent.role };
}
