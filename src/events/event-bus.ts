import type { ConversationMessage } from "../assistant/conversation.ts";
import type { Ticket } from "../tickets/ticket.ts";

/** Domain events: realtime channels (socket.io) subscribe here instead of being called by services. */
export type DomainEvent =
  | { type: "message.appended"; message: ConversationMessage }
  | { type: "ticket.created"; ticket: Ticket }
  | { type: "ticket.updated"; ticket: Ticket };

type Listener = (event: DomainEvent) => void;

export interface EventBus {
  publish(event: DomainEvent): void;
  subscribe(listener: Listener): () => void;
}

/** In-process bus; a multi-process deployment would swap in Redis or Postgres LISTEN/NOTIFY. */
export class InProcessEventBus implements EventBus {
  private readonly listeners = new Set<Listener>();

  publish(event: DomainEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch {
        // A failing subscriber must not break the service that published.
      }
    }
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
