import type { TicketStatus } from "./ticket.ts";

/** Base of the ticket domain's errors; `code` is stable and the server maps it to a status. */
export class TicketError extends Error {
  constructor(
    readonly code: "ticket_not_found" | "invalid_transition" | "not_assignee" | "invalid_citation",
    message: string,
  ) {
    super(message);
  }
}

export class TicketNotFoundError extends TicketError {
  override readonly name = "TicketNotFoundError";
  constructor(readonly ticketId: string) {
    super("ticket_not_found", `ticket ${ticketId} not found`);
  }
}

export class InvalidTransitionError extends TicketError {
  override readonly name = "InvalidTransitionError";
  constructor(
    readonly action: string,
    readonly from: TicketStatus,
  ) {
    super("invalid_transition", `cannot ${action} a ticket that is ${from}`);
  }
}

export class NotAssigneeError extends TicketError {
  override readonly name = "NotAssigneeError";
  constructor(
    readonly ticketId: string,
    readonly actor: string,
  ) {
    super("not_assignee", `ticket ${ticketId} is not assigned to ${actor}`);
  }
}

export class InvalidCitationError extends TicketError {
  override readonly name = "InvalidCitationError";
  constructor(citation: string) {
    super("invalid_citation", `no guide section ${citation}`);
  }
}
