import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { newSessionState } from "../../src/assistant/index.ts";
import { SqliteConversationStore } from "../../src/storage/sqlite/conversation.store.ts";
import { openDatabase, type SqliteDatabase } from "../../src/storage/sqlite/database.ts";
import { tempDir } from "../helpers/test-app.ts";

let dir: ReturnType<typeof tempDir>;
let database: SqliteDatabase;

beforeEach(() => {
  dir = tempDir();
  database = openDatabase(join(dir.path, "test.sqlite"));
});
afterEach(() => {
  database.close();
  dir.remove();
});

describe("SqliteConversationStore", () => {
  it("persists session state so a second connection (another process) continues it", async () => {
    const store = new SqliteConversationStore(database);
    const state = newSessionState("session-a");
    state.currentMatterId = "residence-permit";
    await store.saveSession(state);
    const other = openDatabase(join(dir.path, "test.sqlite"));
    try {
      const loaded = await new SqliteConversationStore(other).loadSession("session-a");
      expect(loaded?.currentMatterId).toBe("residence-permit");
    } finally {
      other.close();
    }
  });

  it("numbers messages per session and lists them after a sequence number", async () => {
    const store = new SqliteConversationStore(database);
    await store.appendMessage({ sessionId: "s", role: "user", text: "一" });
    await store.appendMessage({ sessionId: "s", role: "assistant", text: "二" });
    await store.appendMessage({ sessionId: "t", role: "user", text: "other" });
    const after = await store.listMessages("s", 1);
    expect(after.map((message) => [message.seq, message.text])).toEqual([[2, "二"]]);
  });

  it("stores a retried client message once", async () => {
    const store = new SqliteConversationStore(database);
    const first = await store.appendMessage({ sessionId: "s", role: "user", text: "hi", clientMessageId: "c1" });
    const again = await store.appendMessage({ sessionId: "s", role: "user", text: "hi", clientMessageId: "c1" });
    expect(again.duplicate).toBe(true);
    expect(again.message.seq).toBe(first.message.seq);
    expect(await store.listMessages("s")).toHaveLength(1);
  });

  it("runs in WAL mode with migrations recorded", () => {
    expect(database.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(database.pragma("user_version", { simple: true })).toBeGreaterThanOrEqual(2);
  });
});
