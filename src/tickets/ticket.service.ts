import { createHash } from "node:crypto";
import type { EventBus } from "../events/event-bus.ts";
import { maskDeep, maskText } from "../privacy/index.ts";
import type { NewTicket, Ticket, TicketAuditEntry, TicketChange, TicketFilter, TicketStore } from "./ticket.ts";
import { DistrictDetector } from "./ticket-district.ts";
import { NotAssigneeError, TicketNotFoundError } from "./ticket-errors.ts";
import { nextStatus, requiresAssignee, type TicketAction } from "./ticket-lifecycle.ts";

export type EscalationInput = Omit<NewTicket, "idempotencyKey"> & {
  /** What makes two escalations "the same" (e.g. session + client message id). */
  dedupeBasis: string;
};

/** Who acts on a ticket: an agent's username, and whether they may act on others' tickets. */
export interface TicketActor {
  username: string;
  supervisor?: boolean;
}

/** Creates and tracks 12345 tickets. Everything is masked before it reaches the store. */
export class TicketService {
  constructor(
    private readonly store: TicketStore,
    private readonly events: EventBus,
    private readonly clock: () => Date = () => new Date(),
    private readonly districts: DistrictDetector = new DistrictDetector(),
  ) {}

  async escalate(input: EscalationInput): Promise<{ ticket: Ticket; created: boolean }> {
    const { dedupeBasis, ...rest } = input;
    const district =
      rest.district ??
      this.districts.detect(rest.transcript.filter((line) => line.role === "user").map((line) => line.text));
    const masked: NewTicket = {
      ...maskDeep({ ...rest, district }),
      summary: maskText(rest.summary),
      idempotencyKey: createHash("sha256").update(dedupeBasis).digest("hex").slice(0, 32),
    };
    const result = await this.store.create(masked, this.now());
    if (result.created) this.events.publish({ type: "ticket.created", ticket: result.ticket });
    return result;
  }

  get(id: string): Promise<Ticket | undefined> {
    return this.store.get(id);
  }

  async require(id: string): Promise<Ticket> {
    const ticket = await this.store.get(id);
    if (!ticket) throw new TicketNotFoundError(id);
    return ticket;
  }

  /** The queue: urgent first, then newest. */
  list(filter?: TicketFilter): Promise<Ticket[]> {
    return this.store.list(filter);
  }

  audit(id: string): Promise<TicketAuditEntry[]> {
    return this.store.audit(id);
  }

  /**
   * Assigns the ticket to the actor (a supervisor may name someone else). A ticket already assigned
   * to another agent is not taken from them, except by a supervisor.
   */
  async assign(id: string, actor: TicketActor, assignee = actor.username): Promise<Ticket> {
    const ticket = await this.require(id);
    if (assignee !== actor.username && !actor.supervisor) throw new NotAssigneeError(id, actor.username);
    if (ticket.assignee && ticket.assignee !== actor.username) this.checkAssignee(ticket, actor);
    return this.transition(id, "assign", actor, { assignee });
  }

  /** Moves the ticket along the lifecycle table; refuses steps the table does not allow. */
  async transition(id: string, action: TicketAction, actor: TicketActor, extra: TicketChange = {}): Promise<Ticket> {
    const ticket = await this.require(id);
    const status = nextStatus(action, ticket.status);
    if (requiresAssignee(action)) this.checkAssignee(ticket, actor);
    const detail =
      action === "assign" ? `${ticket.status} → ${status}: ${extra.assignee}` : `${ticket.status} → ${status}`;
    return this.write(ticket, { ...extra, status }, { actor: actor.username, action, detail }, true);
  }

  async addNote(id: string, actor: TicketActor, text: string): Promise<Ticket> {
    const ticket = await this.require(id);
    const note = { author: actor.username, text: maskText(text), at: this.now() };
    return this.write(ticket, { notes: [...ticket.notes, note] }, { actor: actor.username, action: "note" });
  }

  /** Records a change made for the ticket elsewhere (takeover, reply) in the ticket and its audit log. */
  async record(id: string, actor: TicketActor, action: string, change: TicketChange = {}): Promise<Ticket> {
    const ticket = await this.require(id);
    return this.write(ticket, change, { actor: actor.username, action });
  }

  /** Throws unless the actor is the ticket's assignee or a supervisor. */
  checkAssignee(ticket: Ticket, actor: TicketActor): void {
    if (ticket.assignee !== actor.username && !actor.supervisor) throw new NotAssigneeError(ticket.id, actor.username);
  }

  private async write(
    ticket: Ticket,
    change: TicketChange,
    audit: Omit<TicketAuditEntry, "at">,
    guardStatus = false,
  ): Promise<Ticket> {
    const entry = { ...audit, detail: audit.detail && maskText(audit.detail), at: this.now() };
    const updated = await this.store.update(
      ticket.id,
      change,
      entry,
      guardStatus ? { status: ticket.status } : undefined,
    );
    // Someone else moved the ticket meanwhile: re-check against what is stored now.
    if (!updated) {
      const current = await this.require(ticket.id);
      if (change.status) nextStatus(audit.action as TicketAction, current.status);
      return this.write(current, change, audit, guardStatus);
    }
    this.events.publish({ type: "ticket.updated", ticket: updated });
    return updated;
  }

  private now(): string {
    return this.clock().toISOString();
  }
}
