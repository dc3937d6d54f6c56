import { z } from "zod";
import { chatRequestSchema } from "../routes/chat.schema.ts";

/** Events of the `/citizen` namespace (the widget's channel). */
export const CITIZEN_NAMESPACE = "/citizen";

export const citizenEvents = {
  send: "chat:send",
  resume: "session:resume",
  feedback: "chat:feedback",
  message: "chat:message",
  token: "chat:token",
} as const;

const sessionIdSchema = chatRequestSchema.shape.sessionId.unwrap();

/** `chat:send`: like POST /api/chat, but a client message id is required so a resend never doubles. */
export const chatSendSchema = chatRequestSchema.extend({
  clientMessageId: chatRequestSchema.shape.clientMessageId.unwrap(),
});
export type ChatSend = z.infer<typeof chatSendSchema>;

/** `session:resume`: every stored message after `afterSeq` (what the client missed while away). */
export const sessionResumeSchema = z.strictObject({
  sessionId: sessionIdSchema,
  afterSeq: z.number().int().min(0).default(0),
});
export type SessionResume = z.infer<typeof sessionResumeSchema>;

/** `chat:feedback`: 有用/没用 on one assistant message. */
export const chatFeedbackSchema = z.strictObject({
  sessionId: sessionIdSchema,
  seq: z.number().int().positive(),
  helpful: z.boolean(),
});
export type ChatFeedback = z.infer<typeof chatFeedbackSchema>;

/** What the server pushes for every stored message of the session (`chat:message`). */
export interface PushedMessage {
  seq: number;
  role: "user" | "assistant" | "agent" | "system";
  text: string;
  payload?: unknown;
  clientMessageId?: string;
  createdAt: string;
}

/** A streamed piece of the reply being written (LLM mode); the final `chat:message` replaces it. */
export interface StreamedToken {
  clientMessageId: string;
  index: number;
  token: string;
}
