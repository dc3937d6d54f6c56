import { describe, expect, it } from "vitest";
import { MemoryRateLimitStore } from "../../src/server/middleware/rate-limit.store.ts";
import { bucketFor, clientIp, RateLimiter } from "../../src/server/middleware/rate-limit.ts";

describe("token bucket rate limiter", () => {
  it("allows a burst, then refuses with the seconds until a token is back, then refills", async () => {
    let now = 0;
    const limiter = new RateLimiter({ ipPerMinute: 0, sessionPerMinute: 30 }, new MemoryRateLimitStore(), () => now);
    const burst = bucketFor(30).capacity;
    for (let index = 0; index < burst; index += 1) expect((await limiter.checkSession("s")).allowed).toBe(true);
    const refused = await limiter.checkSession("s");
    expect(refused).toEqual({ allowed: false, scope: "session", retryAfterSeconds: 2 });
    now += 2000;
    expect((await limiter.checkSession("s")).allowed).toBe(true);
    expect((await limiter.checkSession("s")).allowed).toBe(false);
  });

  it("keeps separate budgets per key and turns a limit off at 0", async () => {
    const limiter = new RateLimiter({ ipPerMinute: 0, sessionPerMinute: 6 }, new MemoryRateLimitStore(), () => 0);
    for (let index = 0; index < 5; index += 1) await limiter.checkSession("a");
    expect((await limiter.checkSession("a")).allowed).toBe(false);
    expect((await limiter.checkSession("b")).allowed).toBe(true);
    for (let index = 0; index < 1000; index += 1) expect((await limiter.checkIp("1.2.3.4")).allowed).toBe(true);
  });

  it("bounds the number of buckets it keeps", async () => {
    const store = new MemoryRateLimitStore(100);
    for (let index = 0; index < 1000; index += 1) await store.take(`key-${index}`, bucketFor(60), 0);
    expect(store.size).toBeLessThanOrEqual(100);
  });
});

describe("client IP", () => {
  it("trusts X-Forwarded-For only from a loopback proxy", () => {
    expect(clientIp("127.0.0.1", "203.0.113.7")).toBe("203.0.113.7");
    expect(clientIp("::ffff:127.0.0.1", "10.0.0.1, 203.0.113.7")).toBe("203.0.113.7");
    expect(clientIp("198.51.100.2", "203.0.113.7")).toBe("198.51.100.2");
    expect(clientIp("127.0.0.1", undefined)).toBe("127.0.0.1");
  });
});
