import { execFileSync } from "node:child_process";
import { closeSync, mkdirSync, openSync, rmSync, unlinkSync, writeSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp, DATABASE_FILE } from "../../src/app.ts";
import { loadConfig } from "../../src/config/index.ts";
import { type RunningServer, startServer } from "../../src/server/server.ts";
import { createTestApp, tempDir } from "../helpers/test-app.ts";

type TestApp = ReturnType<typeof createTestApp>;

const COMPLAINT = "我要投诉，办事窗口工作人员态度很差，还乱收费";

async function chat(server: RunningServer, body: Record<string, unknown>) {
  const response = await fetch(`${server.url}/api/chat`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return { status: response.status, retryAfter: response.headers.get("retry-after"), body: await response.json() };
}

function counts(database: Database.Database) {
  const count = (table: string) => (database.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
  return {
    sessions: count("sessions"),
    messages: count("messages"),
    tickets: count("tickets"),
    audit: count("ticket_audit"),
  };
}

function expectOneCompleteTurn(database: Database.Database, sessionId: string, clientMessageId: string) {
  const users = database
    .prepare("SELECT seq FROM messages WHERE session_id = ? AND client_message_id = ?")
    .all(sessionId, clientMessageId) as { seq: number }[];
  expect(users).toHaveLength(1);
  const tickets = database.prepare("SELECT id FROM tickets WHERE session_id = ?").all(sessionId);
  expect(tickets).toHaveLength(1);
  // Every ticket has its creation audit row: no ticket was half written.
  const orphans = database
    .prepare(
      "SELECT COUNT(*) AS n FROM tickets WHERE id NOT IN (SELECT ticket_id FROM ticket_audit WHERE action = 'created')",
    )
    .get() as { n: number };
  expect(orphans.n).toBe(0);
}

describe("storage faults on the embedded SQLite", () => {
  let app: TestApp;
  let server: RunningServer;
  beforeAll(async () => {
    app = createTestApp({ rateLimit: { ipPerMinute: 0, sessionPerMinute: 0 } });
    server = await startServer(app, 0, "127.0.0.1");
    // Shorter than the production 5 s so the test does not wait that long for the lock.
    app.database.pragma("busy_timeout = 200");
  });
  afterAll(async () => {
    await server.close();
    app.dispose();
  });

  it("answers 503 with Retry-After while another process holds the write lock, writes nothing, and a retry completes once", async () => {
    const other = new Database(join(app.dataDir, DATABASE_FILE));
    const before = counts(app.database);
    other.exec("BEGIN EXCLUSIVE");
    try {
      const refused = await chat(server, {
        sessionId: "locked-session-1",
        message: COMPLAINT,
        clientMessageId: "lock-1",
      });
      expect(refused.status).toBe(503);
      expect(refused.retryAfter).toBe("5");
      expect(refused.body.error.code).toBe("storage_unavailable");
      expect(refused.body.error.message).toMatch(/retry/);
    } finally {
      other.exec("ROLLBACK");
      other.close();
    }
    expect(counts(app.database)).toEqual(before);

    const retried = await chat(server, {
      sessionId: "locked-session-1",
      message: COMPLAINT,
      clientMessageId: "lock-1",
    });
    expect(retried.status).toBe(200);
    expect(retried.body.kind).toBe("escalate");
    expectOneCompleteTurn(app.database, "locked-session-1", "lock-1");
  });

  it("answers 503 when the database cannot grow (SQLITE_FULL), writes nothing, and a retry completes once", async () => {
    const before = counts(app.database);
    const pages = app.database.pragma("page_count", { simple: true }) as number;
    app.database.pragma(`max_page_count = ${pages}`);
    // Longer than a page, so the user message itself needs room the database no longer has.
    const message = `${COMPLAINT}。${"窗口推诿不作为，".repeat(200)}`;
    try {
      const refused = await chat(server, { sessionId: "full-session-1", message, clientMessageId: "full-1" });
      expect(refused.status).toBe(503);
      expect(refused.body.error.code).toBe("storage_unavailable");
    } finally {
      app.database.pragma("max_page_count = 1073741823");
    }
    expect(counts(app.database)).toEqual(before);

    const retried = await chat(server, { sessionId: "full-session-1", message, clientMessageId: "full-1" });
    expect(retried.status).toBe(200);
    expectOneCompleteTurn(app.database, "full-session-1", "full-1");
  });
});

function canMountTmpfs(): boolean {
  if (process.platform !== "linux" || process.getuid?.() !== 0) return false;
  const probe = tempDir("xiaoshen-mount-probe-");
  try {
    execFileSync("mount", ["-t", "tmpfs", "-o", "size=1m", "tmpfs", probe.path], { stdio: "ignore" });
    execFileSync("umount", [probe.path], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  } finally {
    probe.remove();
  }
}

/** Writes zeros until the file system says ENOSPC. */
function fillDisk(file: string): void {
  const handle = openSync(file, "w");
  const block = Buffer.alloc(64 * 1024);
  try {
    for (;;) writeSync(handle, block);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOSPC") throw error;
  } finally {
    closeSync(handle);
  }
}

describe.runIf(canMountTmpfs())("a really full disk (tmpfs, needs root)", () => {
  const mountPoint = tempDir("xiaoshen-tmpfs-");
  let app: ReturnType<typeof createApp>;
  let server: RunningServer;
  beforeAll(async () => {
    execFileSync("mount", ["-t", "tmpfs", "-o", "size=96m", "tmpfs", mountPoint.path]);
    const dataDir = join(mountPoint.path, "data");
    mkdirSync(dataDir);
    const config = loadConfig(
      { ...process.env, OPENAI_BASE_URL: "" },
      { dataDir, rateLimit: { ipPerMinute: 0, sessionPerMinute: 0 } },
    );
    app = createApp(config, pino({ level: "silent" }));
    server = await startServer(app, 0, "127.0.0.1");
  });
  afterAll(async () => {
    await server?.close();
    app?.close();
    execFileSync("umount", [mountPoint.path]);
    rmSync(mountPoint.path, { recursive: true, force: true });
  });

  it("answers 503 on ENOSPC, writes nothing, and a retry after space is freed completes once", async () => {
    const filler = join(mountPoint.path, "filler.bin");
    // An empty WAL must grow to take the write, and the disk has no room for it.
    app.database.pragma("wal_checkpoint(TRUNCATE)");
    const before = counts(app.database);
    fillDisk(filler);
    try {
      const refused = await chat(server, { sessionId: "disk-full-1", message: COMPLAINT, clientMessageId: "disk-1" });
      expect(refused.status).toBe(503);
      expect(refused.body.error.code).toBe("storage_unavailable");
    } finally {
      unlinkSync(filler);
    }
    expect(counts(app.database)).toEqual(before);
    const retried = await chat(server, { sessionId: "disk-full-1", message: COMPLAINT, clientMessageId: "disk-1" });
    expect(retried.status).toBe(200);
    expectOneCompleteTurn(app.database, "disk-full-1", "disk-1");
  });
});
