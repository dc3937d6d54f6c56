import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { DATABASE_FILE } from "../../src/app.ts";
import { tempDir } from "../helpers/test-app.ts";
import { type ChildServer, startChildServer } from "./child-server.ts";

const data = tempDir("xiaoshen-crash-");
const children: ChildServer[] = [];
afterAll(() => {
  for (const child of children) child.process.kill("SIGKILL");
  data.remove();
});

// The burst comes from one address: limits off so every request reaches the store.
const UNLIMITED = { XIAOSHEN_RATE_LIMIT_IP_PER_MINUTE: "0", XIAOSHEN_RATE_LIMIT_SESSION_PER_MINUTE: "0" };

interface Attempt {
  sessionId: string;
  clientMessageId: string;
  message: string;
  ticketId?: string;
}

async function escalate(url: string, attempt: Attempt): Promise<string | undefined> {
  const response = await fetch(`${url}/api/chat`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      sessionId: attempt.sessionId,
      message: attempt.message,
      clientMessageId: attempt.clientMessageId,
    }),
  });
  if (response.status !== 200) return undefined;
  const body = (await response.json()) as { kind: string; ticketId: string | null };
  return body.kind === "escalate" ? (body.ticketId ?? undefined) : undefined;
}

describe("SIGKILL during a burst of ticket creation", () => {
  it("keeps every acknowledged ticket after restart, and retries never duplicate one", async () => {
    const first = await startChildServer(data.path, UNLIMITED);
    children.push(first);
    const attempts: Attempt[] = [];
    const messages = ["我要投诉窗口工作人员态度很差", "举报小区有人违章搭建", "转人工", "路上井盖丢了很危险"];
    let acknowledged = 0;
    let killed = false;
    const worker = async (workerIndex: number) => {
      for (let turn = 0; !killed; turn += 1) {
        const attempt: Attempt = {
          sessionId: `crash-session-${workerIndex}-${turn}`,
          clientMessageId: `crash-${workerIndex}-${turn}`,
          message: messages[turn % messages.length] as string,
        };
        attempts.push(attempt);
        try {
          attempt.ticketId = await escalate(first.url, attempt);
          if (attempt.ticketId) acknowledged += 1;
        } catch {
          return; // the connection died with the process
        }
        if (acknowledged >= 60 && !killed) {
          killed = true;
          first.process.kill("SIGKILL");
        }
      }
    };
    await Promise.all(Array.from({ length: 16 }, (_unused, index) => worker(index)));
    expect(await first.exited).toMatchObject({ signal: "SIGKILL" });
    const acked = attempts.filter((attempt) => attempt.ticketId);
    expect(acked.length).toBeGreaterThanOrEqual(60);
    // Some requests were in flight when the process died: they are the interesting ones.
    expect(attempts.length).toBeGreaterThan(acked.length);

    const second = await startChildServer(data.path, UNLIMITED);
    children.push(second);
    const database = new Database(join(data.path, DATABASE_FILE), { readonly: true });
    try {
      const ticketIds = new Set(
        (database.prepare("SELECT id FROM tickets").all() as { id: string }[]).map((row) => row.id),
      );
      for (const attempt of acked) expect(ticketIds.has(attempt.ticketId as string), attempt.sessionId).toBe(true);

      // The citizen's client retries everything it sent, acknowledged or not.
      for (const attempt of attempts) {
        const ticketId = await escalate(second.url, attempt);
        expect(ticketId, attempt.sessionId).toBeDefined();
        if (attempt.ticketId) expect(ticketId).toBe(attempt.ticketId);
      }
      const perSession = database
        .prepare("SELECT session_id, COUNT(*) AS n FROM tickets GROUP BY session_id HAVING n > 1")
        .all();
      expect(perSession).toEqual([]);
      const total = database.prepare("SELECT COUNT(*) AS n FROM tickets").get() as { n: number };
      expect(total.n).toBe(attempts.length);
      const userTurns = database
        .prepare(
          "SELECT session_id, client_message_id, COUNT(*) AS n FROM messages WHERE role = 'user' GROUP BY session_id, client_message_id HAVING n > 1",
        )
        .all();
      expect(userTurns).toEqual([]);
    } finally {
      database.close();
    }
    second.process.kill("SIGTERM");
    expect((await second.exited).code).toBe(0);
  }, 180_000);
});
