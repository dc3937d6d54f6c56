/** A token bucket: `capacity` tokens at most, refilled continuously at `refillPerSecond`. */
export interface BucketRule {
  capacity: number;
  refillPerSecond: number;
}

export interface TakeResult {
  allowed: boolean;
  /** Whole seconds until one token is back (0 when allowed). */
  retryAfterSeconds: number;
  remaining: number;
}

/**
 * Where buckets live. In memory by default; a Redis adapter (one Lua script doing the same
 * arithmetic) makes the limits shared by several server processes.
 */
export interface RateLimitStore {
  take(key: string, rule: BucketRule, nowMs: number): Promise<TakeResult>;
}

interface Bucket {
  tokens: number;
  updatedMs: number;
}

/** In-process buckets, bounded so a flood of new keys cannot grow memory without limit. */
export class MemoryRateLimitStore implements RateLimitStore {
  private readonly buckets = new Map<string, Bucket>();

  constructor(private readonly maxKeys = 100_000) {}

  async take(key: string, rule: BucketRule, nowMs: number): Promise<TakeResult> {
    const bucket = this.refill(key, rule, nowMs);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { allowed: true, retryAfterSeconds: 0, remaining: Math.floor(bucket.tokens) };
    }
    const retryAfterSeconds = Math.max(1, Math.ceil((1 - bucket.tokens) / rule.refillPerSecond));
    return { allowed: false, retryAfterSeconds, remaining: 0 };
  }

  get size(): number {
    return this.buckets.size;
  }

  private refill(key: string, rule: BucketRule, nowMs: number): Bucket {
    const existing = this.buckets.get(key);
    if (existing) {
      const elapsedSeconds = Math.max(0, nowMs - existing.updatedMs) / 1000;
      existing.tokens = Math.min(rule.capacity, existing.tokens + elapsedSeconds * rule.refillPerSecond);
      existing.updatedMs = nowMs;
      // Re-insert so the Map's order is least-recently-used first.
      this.buckets.delete(key);
      this.buckets.set(key, existing);
      return existing;
    }
    if (this.buckets.size >= this.maxKeys) this.evictOldest();
    const bucket = { tokens: rule.capacity, updatedMs: nowMs };
    this.buckets.set(key, bucket);
    return bucket;
  }

  private evictOldest(): void {
    // The oldest tenth goes at once so eviction is rare; an evicted bucket restarts full, which only errs lenient.
    let toDrop = Math.ceil(this.maxKeys / 10);
    for (const key of this.buckets.keys()) {
      if (toDrop-- <= 0) break;
      this.buckets.delete(key);
    }
  }
}
