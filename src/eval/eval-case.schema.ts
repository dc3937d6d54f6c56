import { z } from "zod";

export const REPLY_KINDS = ["answer", "clarify", "escalate", "refuse"] as const;
export type ExpectedKind = (typeof REPLY_KINDS)[number];

/** What a labelled turn should get back; every field but `kind` is optional. */
export const expectationSchema = z.object({
  kind: z.enum(REPLY_KINDS),
  matterId: z.string().min(1).optional(),
  section: z.string().min(1).optional(),
  /** For clarify: matter ids the offered options must contain. */
  options: z.array(z.string().min(1)).min(1).optional(),
  /** For escalate: the 12345 ticket category and urgency. */
  category: z.string().min(1).optional(),
  urgency: z.enum(["urgent", "normal"]).optional(),
});
export type Expectation = z.infer<typeof expectationSchema>;

/** One line of a question set: a single question, or one turn of a dialogue when `session` is set. */
export const evalCaseSchema = z.looseObject({
  id: z.string().min(1),
  question: z.string().trim().min(1),
  session: z.string().min(1).optional(),
  expect: expectationSchema,
  tags: z.array(z.string().min(1)).default([]),
  /** The turn only makes sense with the conversation before it (excluded from retriever recall). */
  contextual: z.boolean().optional(),
});
export type EvalCaseLine = z.infer<typeof evalCaseSchema>;

export interface EvalCase extends EvalCaseLine {
  /** The set (file name without .jsonl) the case came from. */
  set: string;
}
