import { z } from "zod";
import { MAX_QUERY_CHARS } from "../realtime/agent.schema.ts";

export const signInSchema = z.strictObject({
  username: z.string({ error: "is required and must be a string" }).trim().min(1, "must not be empty").max(64),
  password: z.string({ error: "is required and must be a string" }).min(1, "must not be empty").max(256),
});
export type SignIn = z.infer<typeof signInSchema>;

export const suggestionsQuerySchema = z.object({
  q: z.string().trim().min(1, "must not be empty").max(MAX_QUERY_CHARS),
});
