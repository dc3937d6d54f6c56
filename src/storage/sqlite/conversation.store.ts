import type { ConversationMessage, ConversationStore, NewMessage, SessionState } from "../../assistant/conversation.ts";
import type { SqliteDatabase } from "./database.ts";

interface MessageRow {
  session_id: string;
  seq: number;
  role: ConversationMessage["role"];
  text: string;
  payload_json: string | null;
  client_message_id: string | null;
  created_at: string;
}

const toMessage = (row: MessageRow): ConversationMessage => ({
  sessionId: row.session_id,
  seq: row.seq,
  role: row.role,
  text: row.text,
  payload: row.payload_json ? JSON.parse(row.payload_json) : undefined,
  clientMessageId: row.client_message_id ?? undefined,
  createdAt: row.created_at,
});

export class SqliteConversationStore implements ConversationStore {
  constructor(
    private readonly database: SqliteDatabase,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async loadSession(sessionId: string): Promise<SessionState | undefined> {
    const row = this.database.prepare("SELECT state_json FROM sessions WHERE id = ?").get(sessionId) as
      | { state_json: string }
      | undefined;
    if (!row) return undefined;
    const state = JSON.parse(row.state_json) as Partial<SessionState>;
    // A row created by a message before any reply has no state yet.
    return state.sessionId ? (state as SessionState) : undefined;
  }

  async saveSession(state: SessionState): Promise<void> {
    const now = this.now().toISOString();
    this.database
      .prepare(
        `INSERT INTO sessions (id, citizen_id, state_json, created_at, updated_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT(id) DO UPDATE SET citizen_id = excluded.citizen_id, state_json = excluded.state_json, updated_at = excluded.updated_at`,
      )
      .run(state.sessionId, state.citizenId ?? null, JSON.stringify(state), now, now);
  }

  async appendMessage(message: NewMessage): Promise<{ message: ConversationMessage; duplicate: boolean }> {
    const append = this.database.transaction((input: NewMessage) => {
      if (input.clientMessageId) {
        const existing = this.database
          .prepare("SELECT * FROM messages WHERE session_id = ? AND client_message_id = ?")
          .get(input.sessionId, input.clientMessageId) as MessageRow | undefined;
        if (existing) return { message: toMessage(existing), duplicate: true };
      }
      const now = this.now().toISOString();
      this.database
        .prepare(
          `INSERT INTO sessions (id, state_json, created_at, updated_at) VALUES (?, '{}', ?, ?) ON CONFLICT(id) DO NOTHING`,
        )
        .run(input.sessionId, now, now);
      const { next } = this.database
        .prepare("SELECT COALESCE(MAX(seq), 0) + 1 AS next FROM messages WHERE session_id = ?")
        .get(input.sessionId) as { next: number };
      this.database
        .prepare(
          `INSERT INTO messages (session_id, seq, role, text, payload_json, client_message_id, created_at)
           VALUES (?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          input.sessionId,
          next,
          input.role,
          input.text,
          input.payload === undefined ? null : JSON.stringify(input.payload),
          input.clientMessageId ?? null,
          now,
        );
      return {
        message: { ...input, seq: next, createdAt: now },
        duplicate: false,
      };
    });
    return append(message);
  }

  async listMessages(sessionId: string, afterSeq = 0): Promise<ConversationMessage[]> {
    const rows = this.database
      .prepare("SELECT * FROM messages WHERE session_id = ? AND seq > ? ORDER BY seq")
      .all(sessionId, afterSeq) as MessageRow[];
    return rows.map(toMessage);
  }
}
