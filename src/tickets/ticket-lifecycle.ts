import type { TicketStatus } from "./ticket.ts";
import { InvalidTransitionError } from "./ticket-errors.ts";

interface Transition {
  from: readonly TicketStatus[];
  to: TicketStatus;
  /** Only the ticket's assignee (or a supervisor) may take this step. */
  byAssignee: boolean;
}

/**
 * The ticket lifecycle as data: new → assigned → in-progress → resolved → closed. An action not
 * allowed from the current status is refused with an InvalidTransitionError (no resolve before
 * assign, no work on a closed ticket).
 */
export const TICKET_TRANSITIONS = {
  // Re-assigning is allowed until work has started.
  assign: { from: ["new", "assigned"], to: "assigned", byAssignee: false },
  start: { from: ["assigned"], to: "in-progress", byAssignee: true },
  resolve: { from: ["in-progress"], to: "resolved", byAssignee: true },
  reopen: { from: ["resolved"], to: "in-progress", byAssignee: true },
  close: { from: ["in-progress", "resolved"], to: "closed", byAssignee: true },
} as const satisfies Record<string, Transition>;

export type TicketAction = keyof typeof TICKET_TRANSITIONS;
export const TICKET_ACTIONS = Object.keys(TICKET_TRANSITIONS) as TicketAction[];

/** Statuses in which an agent may still write to the citizen (reply, take over). */
export const OPEN_FOR_WORK: readonly TicketStatus[] = ["assigned", "in-progress"];

/** The status `action` leads to from `from`; throws when the table does not allow it. */
export function nextStatus(action: TicketAction, from: TicketStatus): TicketStatus {
  const transition: Transition = TICKET_TRANSITIONS[action];
  if (!transition.from.includes(from)) throw new InvalidTransitionError(action, from);
  return transition.to;
}

export function requiresAssignee(action: TicketAction): boolean {
  return TICKET_TRANSITIONS[action].byAssignee;
}

/** Actions the table allows from a status (what the console offers as buttons). */
export function allowedActions(from: TicketStatus): TicketAction[] {
  return TICKET_ACTIONS.filter((action) => (TICKET_TRANSITIONS[action].from as readonly string[]).includes(from));
}
