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
  // Hotline agents (scrypt password hashes, never raw passwords) and their sign-in sessions
  // (only a hash of each token is kept); ticket audit lines gain a detail (e.g. "new → assigned").
  `
  CREATE TABLE agents (
    id TEXT PRIMARY KEY,
    username TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL,
    role TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    created_at TEXT NOT NULL
  );
  CREATE TABLE agent_sessions (
    token_hash TEXT PRIMARY KEY,
    agent_id TEXT NOT NULL REFERENCES agents(id),
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL
  );
  CREATE INDEX agent_sessions_by_expiry ON agent_sessions(expires_at);
  ALTER TABLE ticket_audit ADD COLUMN detail TEXT;
  CREATE INDEX tickets_by_session ON tickets(session_id);
  `,
  // Citizen profiles (demo seed), consent decisions, draft applications and one audit trail for them.
  `
  CREATE TABLE citizen_profiles (
    id TEXT PRIMARY KEY,
    display_name TEXT NOT NULL,
    fields_json TEXT NOT NULL
  );
  CREATE TABLE consents (
    id TEXT PRIMARY KEY,
    citizen_id TEXT NOT NULL,
    matter_id TEXT NOT NULL,
    fields_json TEXT NOT NULL,
    purpose TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('granted', 'refused', 'withdrawn')),
    decided_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    withdrawn_at TEXT
  );
  CREATE INDEX consents_by_citizen ON consents(citizen_id, matter_id, decided_at);
  CREATE TABLE drafts (
    id TEXT PRIMARY KEY,
    citizen_id TEXT NOT NULL,
    matter_id TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('draft', 'confirmed', 'submitted')),
    body_json TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE INDEX drafts_by_citizen ON drafts(citizen_id, created_at);
  CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    subject_type TEXT NOT NULL,
    subject_id TEXT NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    detail_json TEXT,
    at TEXT NOT NULL
  );
  CREATE INDEX audit_by_subject ON audit_log(subject_type, subject_id, id);
  `,
];
