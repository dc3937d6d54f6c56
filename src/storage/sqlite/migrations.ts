/**
 * Schema migrations, applied in order at start-up; `PRAGMA user_version` records how many ran.
 * Append new steps; never edit one that has shipped.
 */
export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE sessions (
    id TEXT PRIMARY KEY,
    citizen_id TEXT,
    state_json TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE TABLE messages (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    session_id TEXT NOT NULL REFERENCES sessions(id),
    seq INTEGER NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('user', 'assistant', 'agent', 'system')),
    text TEXT NOT NULL,
    payload_json TEXT,
    client_message_id TEXT,
    created_at TEXT NOT NULL,
    UNIQUE (session_id, seq),
    UNIQUE (session_id, client_message_id)
  );
  CREATE INDEX messages_by_session ON messages(session_id, seq);
  `,
  `
  CREATE TABLE tickets (
    id TEXT PRIMARY KEY,
    idempotency_key TEXT NOT NULL UNIQUE,
    session_id TEXT NOT NULL,
    category TEXT NOT NULL,
    urgency TEXT NOT NULL,
    status TEXT NOT NULL,
    assignee TEXT,
    body_json TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE INDEX tickets_by_status ON tickets(status, urgency, created_at);
  CREATE TABLE ticket_audit (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    ticket_id TEXT NOT NULL REFERENCES tickets(id),
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    at TEXT NOT NULL
  );
  `,
];
