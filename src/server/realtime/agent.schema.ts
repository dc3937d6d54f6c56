import { z } from "zod";
import { AGENT_ROLES } from "../../agents/index.ts";
import { TICKET_ACTIONS, TICKET_CATEGORIES, TICKET_STATUSES, TICKET_URGENCIES } from "../../tickets/index.ts";

/**
 * Events of the `/agent` namespace (the hotline console), shared by the server (zod) and the
 * console page (which checks server events against the JSON Schema generated from these).
 */
export const AGENT_NAMESPACE = "/agent";

export const MAX_REPLY_CHARS = 2000;
export const MAX_QUERY_CHARS = 200;

export const ticketIdSchema = z.string().regex(/^XS-\d{8}-[0-9A-Z]{6}$/, "must be a ticket id like XS-20261123-7KQ2M9");
const citationRefSchema = z.strictObject({
  matterId: z.string().regex(/^[a-z0-9-]{1,80}$/, "must be a guide id"),
  section: z.string().regex(/^[a-z-]{1,30}$/, "must be a section key"),
});
const textSchema = (max: number) =>
  z
    .string({ error: "is required and must be a string" })
    .trim()
    .min(1, "must not be empty")
    .max(max, `must be at most ${max} characters`);

// Client → server payloads (each acked with `{ ok: true, ... }` or `{ error }`).
export const replyBodySchema = z.strictObject({
  text: textSchema(MAX_REPLY_CHARS),
  citations: z.array(citationRefSchema).max(10).optional(),
  clientMessageId: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,64}$/, "must be 1–64 letters, digits, '_' or '-'")
    .optional(),
});
export const transitionBodySchema = z.strictObject({
  action: z.enum(TICKET_ACTIONS),
  /** Only for `assign`: someone else (supervisors only); default the acting agent. */
  assignee: z.string().min(1).max(64).optional(),
});
export const noteBodySchema = z.strictObject({ text: textSchema(MAX_REPLY_CHARS) });
export const suggestQuerySchema = z.strictObject({ query: textSchema(MAX_QUERY_CHARS).optional() });
const ticketRef = z.strictObject({ ticketId: ticketIdSchema });

export const agentClientEvents = {
  "queue:list": z.strictObject({ status: z.array(z.enum(TICKET_STATUSES)).max(5).optional() }),
  "ticket:open": ticketRef,
  "ticket:leave": ticketRef,
  "ticket:transition": ticketRef.extend(transitionBodySchema.shape),
  "ticket:note": ticketRef.extend(noteBodySchema.shape),
  /** Suggestions for a ticket's question (no query) or for what the agent typed. */
  suggest: suggestQuerySchema.extend({ ticketId: ticketIdSchema.optional() }),
  "reply:send": ticketRef.extend(replyBodySchema.shape),
  "chat:takeover": ticketRef,
  "chat:handback": ticketRef,
} as const;
export type AgentClientEvent = keyof typeof agentClientEvents;

// Server → client payloads.
const citationSchema = z.object({
  matterId: z.string(),
  section: z.string(),
  title: z.string(),
  url: z.string().optional(),
});

export const ticketSummarySchema = z.object({
  id: z.string(),
  category: z.enum(TICKET_CATEGORIES),
  urgency: z.enum(TICKET_URGENCIES),
  status: z.enum(TICKET_STATUSES),
  summary: z.string(),
  matterId: z.string().optional(),
  matterTitle: z.string().optional(),
  district: z.string().optional(),
  assignee: z.string().optional(),
  takeover: z.object({ agent: z.string(), since: z.string() }).optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const messageSchema = z.object({
  seq: z.number().int(),
  role: z.enum(["user", "assistant", "agent", "system"]),
  text: z.string(),
  createdAt: z.string(),
  kind: z.string().optional(),
  agent: z.string().optional(),
  citations: z.array(citationSchema).optional(),
});

export const ticketDetailSchema = ticketSummarySchema.extend({
  /** The citizen's conversation: `ticket:message` events name it. */
  sessionId: z.string(),
  reason: z.string(),
  transcript: z.array(z.object({ role: z.string(), text: z.string(), at: z.string() })),
  citations: z.array(citationSchema),
  eligibility: z.unknown().optional(),
  form: z.unknown().optional(),
  notes: z.array(z.object({ author: z.string(), text: z.string(), at: z.string() })),
  audit: z.array(z.object({ actor: z.string(), action: z.string(), detail: z.string().optional(), at: z.string() })),
  actions: z.array(z.enum(TICKET_ACTIONS)),
  messages: z.array(messageSchema),
});

export const suggestionSetSchema = z.object({
  query: z.string(),
  sections: z.array(
    z.object({ chunkId: z.string(), citation: citationSchema, excerpt: z.string(), snippet: z.string() }),
  ),
  draft: z.string(),
  citations: z.array(citationSchema),
});

export const agentSchema = z.object({
  username: z.string(),
  displayName: z.string(),
  role: z.enum(AGENT_ROLES),
});

export const agentServerEvents = {
  "queue:snapshot": z.object({ tickets: z.array(ticketSummarySchema), agent: agentSchema }),
  "ticket:upsert": z.object({ ticket: ticketSummarySchema }),
  "ticket:message": z.object({ sessionId: z.string(), message: messageSchema }),
  "xs:error": z.object({ event: z.string(), code: z.string(), message: z.string(), field: z.string().optional() }),
} as const;

export type TicketSummary = z.infer<typeof ticketSummarySchema>;
export type TicketDetail = z.infer<typeof ticketDetailSchema>;
export type PresentedMessage = z.infer<typeof messageSchema>;
export type PresentedAgent = z.infer<typeof agentSchema>;

/** JSON Schema of the server's events and acks, served to the console so it can check what it receives. */
export function agentEventsJsonSchema(): Record<string, unknown> {
  const events = Object.fromEntries(
    Object.entries(agentServerEvents).map(([name, schema]) => [name, z.toJSONSchema(schema, { io: "output" })]),
  );
  return {
    events,
    acks: {
      "ticket:open": z.toJSONSchema(z.object({ ok: z.literal(true), ticket: ticketDetailSchema }), { io: "output" }),
      suggest: z.toJSONSchema(z.object({ ok: z.literal(true), suggestions: suggestionSetSchema }), { io: "output" }),
    },
  };
}
