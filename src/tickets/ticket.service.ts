import { createHash } from "node:crypto";
import type { EventBus } from "../events/event-bus.ts";
import { maskDeep, maskText } from "../privacy/index.ts";
import type { NewTicket, Ticket, TicketStore } from "./ticket.ts";

export type EscalationInput = Omit<NewTicket, "idempotencyKey"> & {
  /** What makes two escalations "the same" (e.g. session + client message id). */
  dedupeBasis: string;
};

/** Creates and tracks 12345 tickets. Everything is masked before it reaches the store. */
export class TicketService {
  constructor(
    private readonly store: TicketStore,
    private readonly events: EventBus,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async escalate(input: EscalationInput): Promise<{ ticket: Ticket; created: boolean }> {
    const { dedupeBasis, ...rest } = input;
    const masked: NewTicket = {
      ...maskDeep(rest),
      summary: maskText(rest.summary),
      idempotencyKey: createHash("sha256").update(dedupeBasis).digest("hex").slice(0, 32),
    };
    const result = await this.store.create(masked, this.clock().toISOString());
    if (result.created) this.events.publish({ type: "ticket.created", ticket: result.ticket });
    return result;
  }

  get(id: string): Promise<Ticket | undefined> {
    return this.store.get(id);
  }
}
