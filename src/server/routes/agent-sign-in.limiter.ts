const MAX_FAILURES = 10;
const WINDOW_MS = 10 * 60 * 1000;
const MAX_KEYS = 10_000;

/** Slows password guessing: after 10 failed sign-ins for one address + username, wait 10 minutes. */
export class SignInLimiter {
  private readonly failures = new Map<string, { count: number; since: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  blocked(key: string): boolean {
    const entry = this.failures.get(key);
    if (!entry) return false;
    if (this.now() - entry.since > WINDOW_MS) {
      this.failures.delete(key);
      return false;
    }
    return entry.count >= MAX_FAILURES;
  }

  failed(key: string): void {
    // Bounded memory: a flood of distinct keys drops the oldest entries.
    if (this.failures.size >= MAX_KEYS) this.failures.delete(this.failures.keys().next().value as string);
    const entry = this.failures.get(key) ?? { count: 0, since: this.now() };
    entry.count += 1;
    this.failures.set(key, entry);
  }

  succeeded(key: string): void {
    this.failures.delete(key);
  }
}
