import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** Marks citizen tokens apart from hotline agents' bearer tokens. */
export const CITIZEN_TOKEN_PREFIX = "xsc_";

/** Session lifetime of a signed-in citizen. */
export const SESSION_TTL_MS = 2 * 60 * 60 * 1000;

interface TokenPayload {
  sub: string;
  exp: number;
}

/**
 * Signed citizen session tokens: xsc_ + base64url(payload).base64url(HMAC-SHA256). The server's auth sets
 * the citizen id from a verified token only, never from anything typed into the chat.
 */
export class SessionTokens {
  constructor(
    private readonly secret: string,
    private readonly clock: () => Date = () => new Date(),
    private readonly ttlMs = SESSION_TTL_MS,
  ) {}

  issue(citizenId: string): { token: string; expiresAt: string } {
    const exp = this.clock().getTime() + this.ttlMs;
    const payload = Buffer.from(JSON.stringify({ sub: citizenId, exp } satisfies TokenPayload)).toString("base64url");
    return { token: `${CITIZEN_TOKEN_PREFIX}${payload}.${this.sign(payload)}`, expiresAt: new Date(exp).toISOString() };
  }

  /** The citizen id of a valid, unexpired token; undefined otherwise. */
  verify(token: string): string | undefined {
    if (!token.startsWith(CITIZEN_TOKEN_PREFIX)) return undefined;
    const [payload, signature, extra] = token.slice(CITIZEN_TOKEN_PREFIX.length).split(".");
    if (!payload || !signature || extra !== undefined) return undefined;
    const expected = Buffer.from(this.sign(payload));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
    try {
      const parsed = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as Partial<TokenPayload>;
      if (typeof parsed.sub !== "string" || typeof parsed.exp !== "number") return undefined;
      return parsed.exp > this.clock().getTime() ? parsed.sub : undefined;
    } catch {
      return undefined;
    }
  }

  private sign(payload: string): string {
    return createHmac("sha256", this.secret).update(payload).digest("base64url");
  }
}

const SECRET_FILE = "session-secret";

/** The configured secret, else one generated once and kept (mode 600) in the data dir. */
export function sessionSecret(configured: string | undefined, dataDir: string): string {
  if (configured) return configured;
  const file = join(dataDir, SECRET_FILE);
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
