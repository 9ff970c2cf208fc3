/** Outcome of one {@link TokenBucketLimiter.take}. */
export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * Token buckets in process memory, one per caller: `perMinute` tokens refill
 * evenly over a minute, up to a burst of `perMinute`. Enough for one API
 * process; idle full buckets are forgotten so the map stays small.
 */
export class TokenBucketLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  private readonly perMs: number;
  private lastSweep: number;

  constructor(private readonly perMinute: number, private readonly now: () => number = Date.now) {
    if (!(perMinute > 0)) throw new Error(`rate limit must be positive, got ${perMinute}`);
    this.perMs = perMinute / 60_000;
    this.lastSweep = now();
  }

  /** Spends one token of `caller`'s bucket, or says how long until one is back. */
  take(caller: string): RateDecision {
    const now = this.now();
    this.sweep(now);
    const bucket = this.buckets.get(caller) ?? { tokens: this.perMinute, at: now };
    bucket.tokens = Math.min(this.perMinute, bucket.tokens + (now - bucket.at) * this.perMs);
    bucket.at = now;
    this.buckets.set(caller, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { allowed: true };
    }
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / this.perMs / 1000)) };
  }

  private sweep(now: number): void {
    if (now - this.lastSweep < 60_000) return;
    this.lastSweep = now;
    for (const [caller, bucket] of this.buckets) {
      if (bucket.tokens + (now - bucket.at) * this.perMs >= this.perMinute) this.buckets.delete(caller);
    }
  }
}
