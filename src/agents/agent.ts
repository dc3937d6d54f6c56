export const AGENT_ROLES = ["agent", "supervisor", "observer"] as const;
export type AgentRole = (typeof AGENT_ROLES)[number];

/** A 12345 hotline agent as the rest of the code sees it (never with a password). */
export interface Agent {
  id: string;
  username: string;
  displayName: string;
  role: AgentRole;
  createdAt: string;
}

export interface AgentAccount extends Agent {
  /** scrypt hash in the PasswordHasher's format; the raw password is never stored. */
  passwordHash: string;
}

/** Where agent accounts and their sign-in sessions live (SQLite on the embedded default). */
export interface AgentStore {
  count(): Promise<number>;
  create(account: AgentAccount): Promise<void>;
  findByUsername(username: string): Promise<AgentAccount | undefined>;
  /** Keeps a session under the hash of its token; the token itself is never stored. */
  createSession(session: { tokenHash: string; agentId: string; createdAt: string; expiresAt: string }): Promise<void>;
  /** The agent of an unexpired session. */
  findSession(tokenHash: string, now: string): Promise<Agent | undefined>;
  deleteSession(tokenHash: string): Promise<void>;
}
