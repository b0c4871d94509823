/**
 * Counts failed logins in memory, per IP + user name and per IP alone, in a
 * fixed window. A locked pair is refused before any password is hashed, so
 * guessing costs the server nothing. One process owns the store, so memory
 * is the right place; counters reset on restart (documented).
 */
export interface RateLimits {
  maxFailuresPerUser: number;
  maxFailuresPerIp: number;
  windowMinutes: number;
}

interface Counter {
  failures: number;
  windowStart: number;
}

const MAX_KEYS = 50_000;

export class LoginRateLimiter {
  private readonly counters = new Map<string, Counter>();

  constructor(
    private readonly limits: RateLimits,
    private readonly now: () => number = Date.now,
  ) {}

  private get windowMs(): number {
    return this.limits.windowMinutes * 60_000;
  }

  /** Seconds until the caller may try again, or 0 when allowed. */
  retryAfter(ip: string, username: string): number {
    const user = this.live(userKey(ip, username));
    const byIp = this.live(ipKey(ip));
    const waits = [
      user && user.failures >= this.limits.maxFailuresPerUser ? user.windowStart + this.windowMs : 0,
      byIp && byIp.failures >= this.limits.maxFailuresPerIp ? byIp.windowStart + this.windowMs : 0,
    ];
    const until = Math.max(...waits);
    return until > 0 ? Math.max(1, Math.ceil((until - this.now()) / 1000)) : 0;
  }

  fail(ip: string, username: string): void {
    if (this.counters.size > MAX_KEYS) this.prune();
    for (const key of [userKey(ip, username), ipKey(ip)]) {
      const counter = this.live(key) ?? { failures: 0, windowStart: this.now() };
      counter.failures += 1;
      this.counters.set(key, counter);
    }
  }

  succeed(ip: string, username: string): void {
    this.counters.delete(userKey(ip, username));
  }

  private live(key: string): Counter | undefined {
    const counter = this.counters.get(key);
    if (counter && this.now() - counter.windowStart >= this.windowMs) {
      this.counters.delete(key);
      return undefined;
    }
    return counter;
  }

  private prune(): void {
    for (const key of [...this.counters.keys()]) this.live(key);
    // Still full (an attack from many addresses): drop the oldest half rather than grow without bound.
    if (this.counters.size > MAX_KEYS) {
      const keys = [...this.counters.keys()];
      for (const key of keys.slice(0, keys.length / 2)) this.counters.delete(key);
    }
  }
}

const userKey = (ip: string, username: string) => `u\u0000${ip}\u0000${username.toLowerCase()}`;
const ipKey = (ip: string) => `i\u0000${ip}`;
