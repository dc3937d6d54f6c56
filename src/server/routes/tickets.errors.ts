import { AgentAuthError } from "../../agents/index.ts";
import { TicketError } from "../../tickets/index.ts";
import { HttpError } from "../http-error.ts";

/** HTTP status of each domain error code of the console (the domain knows nothing of HTTP). */
const STATUS_BY_CODE: Record<TicketError["code"] | AgentAuthError["code"], number> = {
  ticket_not_found: 404,
  invalid_transition: 409,
  not_assignee: 403,
  invalid_citation: 400,
  invalid_credentials: 401,
  unauthenticated: 401,
  forbidden: 403,
  username_taken: 409,
};

/** A ticket or agent error as the HttpError the error middleware renders; anything else unchanged. */
export function toHttpError(error: unknown): unknown {
  if (error instanceof TicketError || error instanceof AgentAuthError) {
    return new HttpError(STATUS_BY_CODE[error.code], error.code, error.message);
  }
  return error;
}

/** The socket error payload for a domain error; undefined for anything unexpected. */
export function toSocketError(event: string, error: unknown) {
  if (error instanceof TicketError || error instanceof AgentAuthError) {
    return { event, code: error.code, message: error.message };
  }
  return undefined;
}
