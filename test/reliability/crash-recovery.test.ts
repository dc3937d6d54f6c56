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

interface Submission {
  draftId: string;
  receipt?: string;
}

/** The few fields of the API's answers this test reads. */
interface ApiBody {
  citizens: { id: string }[];
  token: string;
  form: { draftId: string };
  receipt?: string;
}

async function call(url: string, path: string, init: { method?: string; token?: string; body?: unknown } = {}) {
  const response = await fetch(`${url}${path}`, {
    method: init.method ?? "GET",
    headers: {
      ...(init.body === undefined ? {} : { "content-type": "application/json" }),
      ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  return { status: response.status, body: (await response.json()) as ApiBody };
}

/** Signs a demo citizen in and prepares confirmed residence-permit drafts, ready to submit. */
async function confirmedDrafts(url: string, count: number): Promise<{ token: string; drafts: Submission[] }> {
  const { body: listing } = await call(url, "/api/session/citizens");
  const { body: session } = await call(url, "/api/session", {
    method: "POST",
    body: { citizenId: listing.citizens[0]?.id },
  });
  const { token } = session;
  expect((await call(url, "/api/matters/residence-permit/consent", { method: "POST", token, body: {} })).status).toBe(
    201,
  );
  const drafts: Submission[] = [];
  for (let index = 0; index < count; index += 1) {
    const created = await call(url, "/api/matters/residence-permit/drafts", { method: "POST", token, body: {} });
    expect(created.status).toBe(201);
    const { draftId } = created.body.form;
    await call(url, `/api/drafts/${draftId}`, { method: "PATCH", token, body: { fields: { basis: "合法稳定就业" } } });
    expect((await call(url, `/api/drafts/${draftId}/confirm`, { method: "POST", token })).status).toBe(200);
    drafts.push({ draftId });
  }
  return { token, drafts };
}

describe("SIGKILL during a burst of ticket creation", () => {
  it("keeps every acknowledged ticket and submission after restart, and retries never duplicate one", async () => {
    const first = await startChildServer(data.path, UNLIMITED);
    children.push(first);
    const { token, drafts } = await confirmedDrafts(first.url, 40);
    const drafted = new Set(drafts.map((draft) => draft.draftId));
    expect(drafted.size).toBe(40);
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
    const submitter = async (offset: number) => {
      for (let index = offset; index < drafts.length && !killed; index += 4) {
        const draft = drafts[index] as Submission;
        try {
          const submitted = await call(first.url, `/api/drafts/${draft.draftId}/submit`, { method: "POST", token });
          if (submitted.status === 200) draft.receipt = submitted.body.receipt;
        } catch {
          return;
        }
      }
    };
    await Promise.all([
      ...Array.from({ length: 16 }, (_unused, index) => worker(index)),
      ...Array.from({ length: 4 }, (_unused, index) => submitter(index)),
    ]);
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
      // Every acknowledged submission is there with its receipt; a retry returns the same receipt.
      const acknowledgedSubmissions = drafts.filter((draft) => draft.receipt);
      expect(acknowledgedSubmissions.length).toBeGreaterThan(0);
      for (const draft of drafts) {
        const retried = await call(second.url, `/api/drafts/${draft.draftId}/submit`, { method: "POST", token });
        expect(retried.status, draft.draftId).toBe(200);
        if (draft.receipt) expect(retried.body.receipt).toBe(draft.receipt);
      }
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
