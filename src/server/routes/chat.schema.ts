import { z } from "zod";

export const MAX_MESSAGE_CHARS = 2000;

export const chatRequestSchema = z.strictObject({
  sessionId: z
    .string()
    .regex(/^[A-Za-z0-9:_-]{8,100}$/, "must be 8–100 characters of letters, digits, ':', '_' or '-'")
    .optional(),
  message: z
    .string({ error: "is required and must be a string" })
    .trim()
    .min(1, "must not be empty")
    .max(MAX_MESSAGE_CHARS, `must be at most ${MAX_MESSAGE_CHARS} characters`),
  clientMessageId: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,64}$/, "must be 1–64 letters, digits, '_' or '-'")
    .optional(),
  lang: z.enum(["zh", "en"]).optional(),
});
export type ChatRequest = z.infer<typeof chatRequestSchema>;
