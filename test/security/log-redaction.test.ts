import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger } from "../../src/logging/logger.ts";

function capturedLogger() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { logger: createLogger("info", destination), lines };
}

describe("log redaction", () => {
  it("redacts auth headers, tokens, passwords and keys at any depth", () => {
    const { logger, lines } = capturedLogger();
    logger.info(
      {
        req: { headers: { authorization: "Bearer xsa_secret1", cookie: "sid=secret2", "x-session-token": "secret3" } },
        body: { username: "agent01", password: "secret4" },
        config: { llm: { apiKey: "sk-secret5" } },
        sessionToken: "secret6",
      },
      "signed in",
    );
    const line = lines.join("");
    for (const secret of ["secret1", "secret2", "secret3", "secret4", "secret5", "secret6"])
      expect(line).not.toContain(secret);
    expect(line).toContain("agent01");
    expect(line).toContain("[redacted]");
  });

  it("masks PII in messages, fields and errors, including a bare Error", () => {
    const { logger, lines } = capturedLogger();
    logger.info({ note: "call 13912345678" }, "citizen 31010119900307123X wrote");
    logger.error({ err: new Error("insert failed for zhang.san@example.com") }, "store failed");
    logger.error(new Error("card 6222021234567890123 rejected"));
    const text = lines.join("");
    for (const raw of ["13912345678", "31010119900307123X", "zhang.san@example.com", "6222021234567890123"])
      expect(text).not.toContain(raw);
    const [, errorLine, bareLine] = lines.map((line) => JSON.parse(line));
    expect(errorLine.err).toMatchObject({ type: "Error", message: "insert failed for z***@example.com" });
    expect(bareLine.msg).toBe("card 6222***********0123 rejected");
  });
});
