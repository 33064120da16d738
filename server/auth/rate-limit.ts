// Login attempts, counted three ways over a sliding window: per client address and account (a user who
// mistyped), per account from anywhere (guessing one password from many addresses, or through forged
// X-Forwarded-For headers), and per address over all accounts (trying one password on many accounts).
// A key over its limit refuses further attempts until its oldest counted failure leaves the window.
// The table is bounded: expired keys go first, then the least recently failed.

export interface LoginAttempt {
  /** The client address as Express sees it (after the trusted proxy). */
  address: string;
  /** The user name as typed, compared without case. */
  account: string;
}

export interface RateLimits {
  /** Failures per address and account. */
  perPair: number;
  /** Failures per account, from any address. */
  perAccount: number;
  /** Failures per address, over all accounts. */
  perAddress: number;
  windowMs: number;
  /** Keys kept at most (each holds at most its limit's timestamps). */
  maxKeys: number;
}

export const DEFAULT_RATE_LIMITS: RateLimits = {
  perPair: 5,
  perAccount: 10,
  perAddress: 30,
  windowMs: 15 * 60_000,
  maxKeys: 10_000,
};

export class LoginRateLimiter {
  private readonly failures = new Map<string, number[]>();
  readonly limits: RateLimits;

  constructor(
    limits: Partial<RateLimits> = {},
    private readonly now: () => number = Date.now,
  ) {
    this.limits = { ...DEFAULT_RATE_LIMITS, ...limits };
  }

  private keys(a: LoginAttempt): Array<{ key: string; max: number }> {
    const account = a.account.toLowerCase();
    return [
      { key: `pair|${a.address}|${account}`, max: this.limits.perPair },
      { key: `account|${account}`, max: this.limits.perAccount },
      { key: `address|${a.address}`, max: this.limits.perAddress },
    ];
  }

  private recent(key: string): number[] {
    const cutoff = this.now() - this.limits.windowMs;
    const list = this.failures.get(key);
    if (!list) return [];
    const live = list.filter((t) => t > cutoff);
    if (live.length === 0) this.failures.delete(key);
    else if (live.length !== list.length) this.failures.set(key, live);
    return live;
  }

  /** Seconds to wait before the next attempt, or 0 when one is allowed. */
  retryAfter(a: LoginAttempt): number {
    let wait = 0;
    for (const { key, max } of this.keys(a)) {
      const list = this.recent(key);
      if (list.length >= max) wait = Math.max(wait, Math.ceil((list[list.length - max]! + this.limits.windowMs - this.now()) / 1000));
    }
    return wait;
  }

  fail(a: LoginAttempt): void {
    for (const { key, max } of this.keys(a)) {
      const list = [...this.recent(key), this.now()].slice(-max);
      // Re-inserted so that the map's order is the order of the last failure: the oldest is evicted first.
      this.failures.delete(key);
      this.failures.set(key, list);
    }
    this.bound();
  }

  /** A successful login clears the pair's count only: it says nothing about other addresses' attempts. */
  succeed(a: LoginAttempt): void {
    this.failures.delete(this.keys(a)[0]!.key);
  }

  get size(): number {
    return this.failures.size;
  }

  private bound(): void {
    if (this.failures.size <= this.limits.maxKeys) return;
    for (const key of [...this.failures.keys()]) this.recent(key);
    for (const key of this.failures.keys()) {
      if (this.failures.size <= this.limits.maxKeys) break;
      this.failures.delete(key);
    }
  }
}
