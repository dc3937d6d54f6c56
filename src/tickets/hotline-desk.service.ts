import { citationFor } from "../assistant/composer.ts";
import type { ConversationMessage, ConversationStore } from "../assistant/conversation.ts";
import { newSessionState } from "../assistant/conversation.ts";
import type { Citation } from "../assistant/reply.ts";
import type { EventBus } from "../events/event-bus.ts";
import type { KnowledgeBase, SectionKey } from "../knowledge/index.ts";
import { maskText } from "../privacy/index.ts";
import type { TicketActor, TicketService } from "./ticket.service.ts";
import type { Ticket } from "./ticket.ts";
import { InvalidCitationError, InvalidTransitionError } from "./ticket-errors.ts";
import { OPEN_FOR_WORK, type TicketAction } from "./ticket-lifecycle.ts";

export interface DeskActor extends TicketActor {
  displayName: string;
}

export interface AgentReply {
  text: string;
  citations?: Array<{ matterId: string; section: string }>;
  /** A resend with the same id (double click, retry) posts the message once. */
  clientMessageId?: string;
}

const NOTICES = {
  takeover: (agent: string) => `12345工作人员（${agent}）已接入对话，接下来由人工为您服务。`,
  handback: () => "人工服务已结束，对话已交还智能助手小申。如有需要，您可以继续提问。",
};

/**
 * What a hotline agent does in the citizen's conversation: reply (the citizen sees it live in the
 * widget through message.appended), take the chat over so the assistant stays silent, hand it back.
 */
export class HotlineDesk {
  constructor(
    private readonly tickets: TicketService,
    private readonly conversations: ConversationStore,
    private readonly events: EventBus,
    private readonly knowledge: KnowledgeBase,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /** The citizen's conversation as it stands now (the ticket keeps the part before escalation). */
  async messages(ticketId: string): Promise<ConversationMessage[]> {
    const ticket = await this.tickets.require(ticketId);
    return this.conversations.listMessages(ticket.sessionId);
  }

  async reply(actor: DeskActor, ticketId: string, input: AgentReply): Promise<ConversationMessage> {
    const citations = (input.citations ?? []).map((citation) => this.resolveCitation(citation));
    const ticket = await this.workable(actor, ticketId, "reply");
    const stored = await this.conversations.appendMessage({
      sessionId: ticket.sessionId,
      role: "agent",
      text: maskText(input.text),
      payload: { agent: actor.displayName, ticketId, citations },
      clientMessageId: input.clientMessageId,
    });
    if (!stored.duplicate) {
      this.events.publish({ type: "message.appended", message: stored.message });
      await this.tickets.record(ticketId, actor, "reply");
    }
    return stored.message;
  }

  /** The agent takes the live chat: the assistant stays silent in it until handed back. */
  async takeOver(actor: DeskActor, ticketId: string): Promise<Ticket> {
    const ticket = await this.workable(actor, ticketId, "takeover");
    const since = this.clock().toISOString();
    await this.setTakeover(ticket.sessionId, { ticketId, since });
    await this.notice(ticket.sessionId, NOTICES.takeover(actor.displayName), ticketId);
    return this.tickets.record(ticketId, actor, "takeover", { takeover: { agent: actor.username, since } });
  }

  async handBack(actor: DeskActor, ticketId: string): Promise<Ticket> {
    const ticket = await this.tickets.require(ticketId);
    this.tickets.checkAssignee(ticket, actor);
    if (!ticket.takeover) return ticket;
    await this.setTakeover(ticket.sessionId, undefined);
    await this.notice(ticket.sessionId, NOTICES.handback(), ticketId);
    return this.tickets.record(ticketId, actor, "handback", { takeover: undefined });
  }

  /** A lifecycle step; resolving or closing a taken-over chat also hands it back to the assistant. */
  async transition(actor: DeskActor, ticketId: string, action: TicketAction, assignee?: string): Promise<Ticket> {
    if (action === "assign") return this.tickets.assign(ticketId, actor, assignee);
    const ticket = await this.tickets.transition(ticketId, action, actor);
    if (ticket.takeover && (ticket.status === "resolved" || ticket.status === "closed")) {
      return this.handBack(actor, ticketId);
    }
    return ticket;
  }

  /** The ticket, checked open for work by this actor; an assigned ticket starts on first contact. */
  private async workable(actor: DeskActor, ticketId: string, action: string): Promise<Ticket> {
    const ticket = await this.tickets.require(ticketId);
    if (!OPEN_FOR_WORK.includes(ticket.status)) throw new InvalidTransitionError(action, ticket.status);
    this.tickets.checkAssignee(ticket, actor);
    if (ticket.status !== "assigned") return ticket;
    // Two first contacts at once (double click) both try to start it: one wins, the other goes on.
    return this.tickets.transition(ticketId, "start", actor).catch(async (error: unknown) => {
      const current = await this.tickets.require(ticketId);
      if (error instanceof InvalidTransitionError && current.status === "in-progress") return current;
      throw error;
    });
  }

  private async setTakeover(sessionId: string, takeover: { ticketId: string; since: string } | undefined) {
    const state = (await this.conversations.loadSession(sessionId)) ?? newSessionState(sessionId);
    state.agentTakeover = takeover;
    await this.conversations.saveSession(state);
  }

  private async notice(sessionId: string, text: string, ticketId: string): Promise<void> {
    const stored = await this.conversations.appendMessage({ sessionId, role: "system", text, payload: { ticketId } });
    this.events.publish({ type: "message.appended", message: stored.message });
  }

  private resolveCitation({ matterId, section }: { matterId: string; section: string }): Citation {
    const guide = this.knowledge.get(matterId);
    if (!guide?.sections[section as SectionKey]) throw new InvalidCitationError(`${matterId}#${section}`);
    return citationFor(guide, section as SectionKey);
  }
}
