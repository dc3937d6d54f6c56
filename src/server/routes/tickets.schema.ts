import { z } from "zod";
import { TICKET_STATUSES } from "../../tickets/index.ts";
import { MAX_QUERY_CHARS, ticketIdSchema } from "../realtime/agent.schema.ts";

export { noteBodySchema, replyBodySchema, transitionBodySchema } from "../realtime/agent.schema.ts";

export const ticketParamsSchema = z.object({ id: ticketIdSchema });

/** `?status=new,assigned&limit=50` */
export const ticketListQuerySchema = z.object({
  status: z
    .string()
    .transform((value) => value.split(",").filter(Boolean))
    .pipe(z.array(z.enum(TICKET_STATUSES)))
    .optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
});

export const ticketSuggestionsQuerySchema = z.object({
  q: z.string().trim().min(1, "must not be empty").max(MAX_QUERY_CHARS).optional(),
});
