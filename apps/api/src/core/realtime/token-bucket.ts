export interface TokenBucketOptions {
  /** Events allowed in a burst. */
  capacity: number;
  /** Tokens added back per second. */
  refillPerSecond: number;
  /** Refused events, without a calm-down in between, before the client counts as abusive. */
  maxStrikes: number;
}

export type BucketVerdict = 'allow' | 'limit' | 'abuse';

/**
 * A per-socket token bucket. Refused events are strikes; the strikes are forgiven once the bucket
 * has refilled completely (the client calmed down), and too many of them make the client abusive.
 */
export class TokenBucket {
  private tokens: number;
  private strikes = 0;
  private last: number;

  constructor(
    private readonly options: TokenBucketOptions,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.tokens = options.capacity;
    this.last = now();
  }

  take(): BucketVerdict {
    const now = this.now();
    this.tokens = Math.min(this.options.capacity, this.tokens + ((now - this.last) / 1000) * this.options.refillPerSecond);
    this.last = now;
    if (this.tokens >= this.options.capacity) this.strikes = 0;
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return 'allow';
    }
    this.strikes += 1;
    return this.strikes > this.options.maxStrikes ? 'abuse' : 'limit';
  }
}
