import { createHash, randomBytes, randomUUID } from "node:crypto";
import type { Agent, AgentRole, AgentStore } from "./agent.ts";
import { ForbiddenError, InvalidCredentialsError, UnauthenticatedError, UsernameTakenError } from "./agent-errors.ts";
import { type AgentPermission, can } from "./agent-policy.ts";
import { PasswordHasher } from "./password-hasher.ts";

/** Agent tokens carry a prefix so a log line or a mix-up with a citizen token is easy to spot. */
export const AGENT_TOKEN_PREFIX = "xsa_";
const SESSION_HOURS = 12;
export const DEMO_AGENT_USERNAME = "agent";

export interface AgentSignIn {
  token: string;
  expiresAt: string;
  agent: Agent;
}

export interface NewAgentAccount {
  username: string;
  displayName: string;
  role: AgentRole;
  password: string;
}

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** Agent accounts and sign-in: scrypt-hashed passwords, random bearer tokens kept only as hashes. */
export class AgentAuthService {
  private seeding: Promise<unknown> = Promise.resolve();
  // Compared against when the username is unknown, so a miss takes as long as a wrong password.
  private decoyHash?: Promise<string>;

  constructor(
    private readonly store: AgentStore,
    private readonly hasher: PasswordHasher = new PasswordHasher(),
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async createAccount(input: NewAgentAccount): Promise<Agent> {
    if (await this.store.findByUsername(input.username)) throw new UsernameTakenError(input.username);
    const agent: Agent = {
      id: randomUUID(),
      username: input.username,
      displayName: input.displayName,
      role: input.role,
      createdAt: this.clock().toISOString(),
    };
    await this.store.create({ ...agent, passwordHash: await this.hasher.hash(input.password) });
    return agent;
  }

  /**
   * Creates the demo agent when there is no account yet and returns its one-time password (to be
   * printed once); undefined when accounts already exist.
   */
  ensureDemoAgent(
    password = randomBytes(9).toString("base64url"),
  ): Promise<{ username: string; password: string } | undefined> {
    const run = this.seeding.then(async () => {
      if ((await this.store.count()) > 0) return undefined;
      await this.createAccount({ username: DEMO_AGENT_USERNAME, displayName: "演示坐席", role: "agent", password });
      return { username: DEMO_AGENT_USERNAME, password };
    });
    this.seeding = run.catch(() => undefined);
    return run;
  }

  async signIn(username: string, password: string): Promise<AgentSignIn> {
    await this.seeding;
    const account = await this.store.findByUsername(username);
    const matches = await this.hasher.verify(password, account?.passwordHash ?? (await this.decoy()));
    if (!account || !matches) throw new InvalidCredentialsError();
    const token = `${AGENT_TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
    const now = this.clock();
    const expiresAt = new Date(now.getTime() + SESSION_HOURS * 3600_000).toISOString();
    await this.store.createSession({
      tokenHash: hashToken(token),
      agentId: account.id,
      createdAt: now.toISOString(),
      expiresAt,
    });
    const { passwordHash: _hash, ...agent } = account;
    return { token, expiresAt, agent };
  }

  /** The agent a bearer token belongs to; throws UnauthenticatedError for anything else. */
  async authenticate(token: string | undefined): Promise<Agent> {
    if (!token?.startsWith(AGENT_TOKEN_PREFIX)) throw new UnauthenticatedError();
    const agent = await this.store.findSession(hashToken(token), this.clock().toISOString());
    if (!agent) throw new UnauthenticatedError();
    return agent;
  }

  /** Throws ForbiddenError unless the agent's role has the permission. */
  authorize(agent: Agent, permission: AgentPermission): void {
    if (!can(agent.role, permission)) throw new ForbiddenError(permission);
  }

  private decoy(): Promise<string> {
    this.decoyHash ??= this.hasher.hash(randomBytes(16).toString("hex"));
    return this.decoyHash;
  }

  async signOut(token: string): Promise<void> {
    await this.store.deleteSession(hashToken(token));
  }
}
