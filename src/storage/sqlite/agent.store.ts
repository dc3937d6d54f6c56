import type { Agent, AgentAccount, AgentRole, AgentStore } from "../../agents/agent.ts";
import type { SqliteDatabase } from "./database.ts";

interface AgentRow {
  id: string;
  username: string;
  display_name: string;
  role: AgentRole;
  password_hash: string;
  created_at: string;
}

const toAgent = (row: AgentRow): Agent => ({
  id: row.id,
  username: row.username,
  displayName: row.display_name,
  role: row.role,
  createdAt: row.created_at,
});

export class SqliteAgentStore implements AgentStore {
  constructor(private readonly database: SqliteDatabase) {}

  async count(): Promise<number> {
    return (this.database.prepare("SELECT COUNT(*) AS n FROM agents").get() as { n: number }).n;
  }

  async create(account: AgentAccount): Promise<void> {
    this.database
      .prepare(
        "INSERT INTO agents (id, username, display_name, role, password_hash, created_at) VALUES (?, ?, ?, ?, ?, ?)",
      )
      .run(account.id, account.username, account.displayName, account.role, account.passwordHash, account.createdAt);
  }

  async findByUsername(username: string): Promise<AgentAccount | undefined> {
    const row = this.database.prepare("SELECT * FROM agents WHERE username = ?").get(username) as AgentRow | undefined;
    return row ? { ...toAgent(row), passwordHash: row.password_hash } : undefined;
  }

  async createSession(session: { tokenHash: string; agentId: string; createdAt: string; expiresAt: string }) {
    const insert = this.database.transaction(() => {
      // Expired sessions are dropped as new ones arrive, so the table never grows without bound.
      this.database.prepare("DELETE FROM agent_sessions WHERE expires_at <= ?").run(session.createdAt);
      this.database
        .prepare("INSERT INTO agent_sessions (token_hash, agent_id, created_at, expires_at) VALUES (?, ?, ?, ?)")
        .run(session.tokenHash, session.agentId, session.createdAt, session.expiresAt);
    });
    insert();
  }

  async findSession(tokenHash: string, now: string): Promise<Agent | undefined> {
    const row = this.database
      .prepare(
        `SELECT agents.* FROM agent_sessions JOIN agents ON agents.id = agent_sessions.agent_id
         WHERE agent_sessions.token_hash = ? AND agent_sessions.expires_at > ?`,
      )
      .get(tokenHash, now) as AgentRow | undefined;
    return row ? toAgent(row) : undefined;
  }

  async deleteSession(tokenHash: string): Promise<void> {
    this.database.prepare("DELETE FROM agent_sessions WHERE token_hash = ?").run(tokenHash);
  }
}
