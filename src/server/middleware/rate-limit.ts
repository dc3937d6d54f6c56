import type { NextFunction, Request, Response } from "express";
import type { App } from "../../app.ts";
import { errorBody } from "../http-error.ts";
import { type BucketRule, MemoryRateLimitStore, type RateLimitStore } from "./rate-limit.store.ts";

export interface RateLimits {
  /** Requests or events per minute from one client IP; 0 turns the limit off. */
  ipPerMinute: number;
  /** Requests or events per minute for one chat session; 0 turns the limit off. */
  sessionPerMinute: number;
}

export const DEFAULT_RATE_LIMITS: RateLimits = { ipPerMinute: 600, sessionPerMinute: 60 };

export type RateScope = "ip" | "session";

export interface RateVerdict {
  allowed: boolean;
  scope?: RateScope;
  retryAfterSeconds: number;
}

/** A burst of ten seconds' worth (at least 5) on top of the steady per-minute rate. */
export function bucketFor(perMinute: number): BucketRule {
  return { capacity: Math.max(5, Math.ceil(perMinute / 6)), refillPerSecond: perMinute / 60 };
}

/** Per-IP and per-session token buckets over a swappable store. */
export class RateLimiter {
  constructor(
    private readonly limits: RateLimits = DEFAULT_RATE_LIMITS,
    private readonly store: RateLimitStore = new MemoryRateLimitStore(),
    private readonly clock: () => number = Date.now,
  ) {}

  checkIp(ip: string): Promise<RateVerdict> {
    return this.check("ip", ip, this.limits.ipPerMinute);
  }

  checkSession(sessionId: string): Promise<RateVerdict> {
    return this.check("session", sessionId, this.limits.sessionPerMinute);
  }

  private async check(scope: RateScope, key: string, perMinute: number): Promise<RateVerdict> {
    if (perMinute <= 0) return { allowed: true, retryAfterSeconds: 0 };
    const taken = await this.store.take(`${scope}:${key}`, bucketFor(perMinute), this.clock());
    return taken.allowed
      ? { allowed: true, retryAfterSeconds: 0 }
      : { allowed: false, scope, retryAfterSeconds: taken.retryAfterSeconds };
  }
}

const limiters = new WeakMap<App, RateLimiter>();

/** One limiter per app, shared by HTTP and socket events so a client cannot double its budget. */
export function rateLimiterFor(app: App): RateLimiter {
  let limiter = limiters.get(app);
  if (!limiter) {
    limiter = new RateLimiter(app.config.rateLimit ?? DEFAULT_RATE_LIMITS);
    limiters.set(app, limiter);
  }
  return limiter;
}

const LOOPBACK = /^(127\.|::1$|::ffff:127\.)/;

/**
 * The client's IP: the first X-Forwarded-For hop when the peer is a loopback proxy (the same rule
 * as express's `trust proxy: loopback`), else the peer address.
 */
export function clientIp(peerAddress: string | undefined, forwardedFor: string | string[] | undefined): string {
  const peer = peerAddress ?? "unknown";
  const header = Array.isArray(forwardedFor) ? forwardedFor[0] : forwardedFor;
  if (!header || !LOOPBACK.test(peer)) return peer;
  const hops = header.split(",").map((hop) => hop.trim());
  return hops[hops.length - 1] || peer;
}

export function tooManyMessage(verdict: RateVerdict): string {
  const who = verdict.scope === "session" ? "this session" : "this address";
  return `too many requests from ${who}; retry after ${verdict.retryAfterSeconds} s`;
}

function sendTooMany(response: Response, verdict: RateVerdict) {
  response.setHeader("Retry-After", String(verdict.retryAfterSeconds));
  response.status(429).json(errorBody("rate_limited", tooManyMessage(verdict)));
}

/** Before body parsing: a flooding address is turned away without reading its body. */
export function limitByIp(limiter: RateLimiter) {
  return async (request: Request, response: Response, next: NextFunction) => {
    const verdict = await limiter.checkIp(request.ip ?? request.socket.remoteAddress ?? "unknown");
    if (verdict.allowed) return next();
    request.resume();
    sendTooMany(response, verdict);
  };
}

/** After body parsing: the session named in the body (or query) gets its own budget. */
export function limitBySession(limiter: RateLimiter) {
  return async (request: Request, response: Response, next: NextFunction) => {
    const sessionId = sessionIdOf(request);
    if (!sessionId) return next();
    const verdict = await limiter.checkSession(sessionId);
    if (verdict.allowed) return next();
    sendTooMany(response, verdict);
  };
}

function sessionIdOf(request: Request): string | undefined {
  const fromBody = (request.body as { sessionId?: unknown } | undefined)?.sessionId;
  const fromQuery = request.query?.sessionId;
  const candidate = typeof fromBody === "string" ? fromBody : typeof fromQuery === "string" ? fromQuery : undefined;
  // Longer ids are rejected by validation anyway; don't let them become bucket keys.
  return candidate && candidate.length <= 100 ? candidate : undefined;
}
