import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningServer, startServer } from "../../src/server/server.ts";
import { createTestApp } from "../helpers/test-app.ts";

let app: ReturnType<typeof createTestApp>;
let server: RunningServer;

beforeAll(async () => {
  app = createTestApp({ rateLimit: { ipPerMinute: 600, sessionPerMinute: 12 } });
  server = await startServer(app, 0, "127.0.0.1");
});
afterAll(async () => {
  await server.close();
  app.dispose();
});

const chat = (body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${server.url}/api/chat`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });

describe("security headers", () => {
  it("sends a strict CSP, nosniff and no framing on same-origin pages and the API", async () => {
    const response = await fetch(`${server.url}/healthz`);
    const csp = response.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain("unsafe-inline");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("x-frame-options")).toBe("DENY");
    expect(response.headers.get("cross-origin-resource-policy")).toBe("same-origin");
    expect(response.headers.get("x-powered-by")).toBeNull();
  });

  it("keeps the console under the strict policy", async () => {
    const response = await fetch(`${server.url}/console/`);
    expect(response.headers.get("content-security-policy")).toContain("script-src 'self'");
    expect(response.headers.get("cross-origin-resource-policy")).toBe("same-origin");
    expect(response.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("lets other origins load the widget's embed script", async () => {
    const response = await fetch(`${server.url}/widget/embed.js`, { headers: { origin: "https://host.example" } });
    expect(response.headers.get("cross-origin-resource-policy")).toBe("cross-origin");
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
  });
});

describe("CORS", () => {
  it("answers the widget's preflight for /api/chat without allowing credentials", async () => {
    const response = await fetch(`${server.url}/api/chat`, {
      method: "OPTIONS",
      headers: { origin: "https://host.example", "access-control-request-method": "POST" },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    expect(response.headers.get("access-control-allow-methods")).toContain("POST");
    expect(response.headers.get("access-control-allow-credentials")).toBeNull();
  });

  it("sends no CORS headers for endpoints that are not the widget's", async () => {
    for (const path of ["/api/matters", "/api/agent/tickets", "/healthz"]) {
      const response = await fetch(`${server.url}${path}`, { headers: { origin: "https://evil.example" } });
      expect(response.headers.get("access-control-allow-origin"), path).toBeNull();
    }
  });
});

describe("request bodies", () => {
  it("refuses a body that is not JSON with 415", async () => {
    const response = await fetch(`${server.url}/api/chat`, {
      method: "POST",
      headers: { "content-type": "text/plain" },
      body: "message=hi",
    });
    expect(response.status).toBe(415);
    expect((await response.json()).error).toMatchObject({ code: "unsupported_media_type", field: "body" });
  });

  it("refuses invalid UTF-8 instead of turning it into replacement characters", async () => {
    const bytes = Buffer.concat([Buffer.from('{"message":"'), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from('"}')]);
    const response = await fetch(`${server.url}/api/chat`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: bytes,
    });
    expect(response.status).toBe(400);
    expect((await response.json()).error.code).toBe("invalid_encoding");
  });

  it.each([
    ["a lone surrogate", '{"message":"hi \\ud800 there"}', "invalid_unicode", "message"],
    ["a NUL character", '{"message":"hi\\u0000there"}', "control_characters", "message"],
    ["a bidi override", '{"message":"abc\\u202edcba"}', "control_characters", "message"],
    ["a __proto__ key", '{"message":"hi","__proto__":{"admin":true}}', "forbidden_key", "__proto__"],
    [
      "a nested constructor key",
      '{"message":"hi","x":{"constructor":{"prototype":1}}}',
      "forbidden_key",
      "x.constructor",
    ],
    ["deep nesting", `{"message":${"[".repeat(5000)}${"]".repeat(5000)}}`, "too_deep", undefined],
  ])("refuses %s with 400 naming the problem", async (_name, raw, code, field) => {
    const response = await fetch(`${server.url}/api/chat`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: raw,
    });
    expect(response.status).toBe(400);
    const { error } = await response.json();
    expect(error.code).toBe(code);
    if (field) expect(error.field).toBe(field);
    expect(error.message.length).toBeGreaterThan(5);
  });

  it("keeps newlines and tabs in a message", async () => {
    const response = await chat({ message: "居住证\n要什么材料\t?" });
    expect(response.status).toBe(200);
  });
});

describe("rate limits", () => {
  it("answers 429 with Retry-After once a session goes over its budget, and other sessions carry on", async () => {
    const sessionId = "rate-limited-session";
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let turn = 0; turn < 8; turn += 1) {
      const response = await chat({ sessionId, message: "居住证要什么材料" });
      statuses.push(response.status);
      if (response.status === 429) {
        retryAfter = response.headers.get("retry-after");
        expect((await response.json()).error.code).toBe("rate_limited");
      } else await response.arrayBuffer();
    }
    // Budget: 12 a minute with a burst of 5.
    expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
    expect(statuses).toContain(429);
    expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
    const other = await chat({ sessionId: "another-session-1", message: "居住证要什么材料" });
    expect(other.status).toBe(200);
  });

  it("limits one client address across sessions, counting the proxy's X-Forwarded-For from loopback", async () => {
    const limited = createTestApp({ rateLimit: { ipPerMinute: 30, sessionPerMinute: 0 } });
    const limitedServer = await startServer(limited, 0, "127.0.0.1");
    try {
      const send = (ip: string, index: number) =>
        fetch(`${limitedServer.url}/api/chat`, {
          method: "POST",
          headers: { "content-type": "application/json", "x-forwarded-for": ip },
          body: JSON.stringify({ sessionId: `ip-session-${index}`, message: "hi" }),
        });
      const statuses: number[] = [];
      for (let index = 0; index < 8; index += 1) {
        const response = await send("203.0.113.7", index);
        statuses.push(response.status);
        await response.arrayBuffer();
      }
      expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
      expect(statuses.at(-1)).toBe(429);
      const fromElsewhere = await send("198.51.100.9", 99);
      expect(fromElsewhere.status).toBe(200);
    } finally {
      await limitedServer.close();
      limited.dispose();
    }
  });
});
