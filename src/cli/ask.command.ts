import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { z } from "zod";
import type { App } from "../app.ts";
import { presentAnswer } from "../contracts/answer-object.ts";
import { UsageError } from "./usage-error.ts";

const batchLineSchema = z.looseObject({
  id: z.string().min(1, "id must not be empty"),
  question: z.string().trim().min(1, "question must not be empty").max(4000, "question is longer than 4000 characters"),
  session: z.string().min(1).optional(),
});

export interface AskOptions {
  json: boolean;
  batch?: string;
  question?: string;
}

/** `xiaoshen ask`: one question, or a JSONL batch where lines sharing `session` are one conversation. */
export async function askCommand(app: App, options: AskOptions, write: (line: string) => void): Promise<void> {
  if (options.batch) {
    let source: string;
    try {
      source = readFileSync(options.batch, "utf8");
    } catch (error) {
      throw new UsageError(
        `cannot read batch file ${options.batch}: ${(error as NodeJS.ErrnoException).code ?? "error"}`,
      );
    }
    await askBatch(app, source, write);
    return;
  }
  const question = options.question?.trim();
  if (!question) throw new UsageError('ask needs a question, e.g. xiaoshen ask --json "居住证怎么办"');
  const started = performance.now();
  const { reply } = await app.assistant.chat({ message: question, sessionId: `cli:${randomUUID()}` });
  const answer = presentAnswer(reply, performance.now() - started);
  write(options.json ? JSON.stringify(answer) : formatForPeople(answer));
}

async function askBatch(app: App, source: string, write: (line: string) => void): Promise<void> {
  const run = randomUUID().slice(0, 8);
  for (const raw of source.split(/\r?\n/)) {
    if (!raw.trim()) continue;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      write(JSON.stringify({ id: null, error: "line is not valid JSON" }));
      continue;
    }
    const parsed = batchLineSchema.safeParse(value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const id = typeof (value as { id?: unknown })?.id === "string" ? (value as { id: string }).id : null;
      const field = issue?.path.join(".") || "line";
      write(JSON.stringify({ id, error: `${field}: ${issue?.message ?? "invalid"}` }));
      continue;
    }
    const line = parsed.data;
    const sessionId = line.session ? `batch:${run}:${line.session}` : `batch:${run}:${randomUUID()}`;
    const started = performance.now();
    const { reply } = await app.assistant.chat({ message: line.question, sessionId });
    write(JSON.stringify(presentAnswer(reply, performance.now() - started, line.id)));
  }
}

function formatForPeople(answer: ReturnType<typeof presentAnswer>): string {
  const lines = [answer.text];
  if (answer.citations.length)
    lines.push("", ...answer.citations.map((citation, index) => `[${index + 1}] ${citation.title}`));
  if (answer.ticketId) lines.push("", `工单 ticket: ${answer.ticketId}`);
  return lines.join("\n");
}
