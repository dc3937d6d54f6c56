export { type AgentReply, type DeskActor, HotlineDesk } from "./hotline-desk.service.ts";
export { ReplySuggester, type SectionSuggestion, type SuggestionSet } from "./reply-suggester.ts";
export { type EscalationInput, type TicketActor, TicketService } from "./ticket.service.ts";
export type {
  NewTicket,
  Ticket,
  TicketAuditEntry,
  TicketCategory,
  TicketFilter,
  TicketNote,
  TicketStatus,
  TicketStore,
  TicketUrgency,
  TranscriptLine,
} from "./ticket.ts";
export { TICKET_CATEGORIES, TICKET_STATUSES, TICKET_URGENCIES } from "./ticket.ts";
export { DistrictDetector } from "./ticket-district.ts";
export {
  InvalidCitationError,
  InvalidTransitionError,
  NotAssigneeError,
  TicketError,
  TicketNotFoundError,
} from "./ticket-errors.ts";
export {
  allowedActions,
  nextStatus,
  TICKET_ACTIONS,
  TICKET_TRANSITIONS,
  type TicketAction,
} from "./ticket-lifecycle.ts";
