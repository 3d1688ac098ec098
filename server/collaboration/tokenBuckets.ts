/** A token bucket: bursts up to `burst`, refilled at `perMinute`. */
export class TokenBucket {
  private tokens: number;
  private at: number;

  constructor(
    private readonly burst: number,
    private readonly perMinute: number,
    now = Date.now(),
  ) {
    this.tokens = burst;
    this.at = now;
  }

  /** Takes `amount`; false (and nothing taken) when the bucket does not hold it. */
  take(amount: number, now = Date.now()): boolean {
    this.tokens = this.level(now);
    this.at = now;
    if (this.tokens < amount) return false;
    this.tokens -= amount;
    return true;
  }

  full(now = Date.now()): boolean {
    return this.level(now) >= this.burst;
  }

  private level(now: number): number {
    return Math.min(this.burst, this.tokens + ((now - this.at) / 60_000) * this.perMinute);
  }
}

/**
 * How much of something (bytes sent, connections opened) each member or address may use per
 * minute across all their connections: one bucket per key. They keep one sender's load on the
 * server bounded: the message rate limit alone would let 100 messages/s of 2 MiB each through,
 * and every new connection costs a few ms.
 */
export class TokenBuckets {
  private readonly buckets = new Map<string, TokenBucket>();

  constructor(
    private readonly burst: number,
    private readonly perMinute: number,
  ) {}

  take(key: string, amount: number, now = Date.now()): boolean {
    let bucket = this.buckets.get(key);
    if (!bucket) this.buckets.set(key, (bucket = new TokenBucket(this.burst, this.perMinute, now)));
    return bucket.take(amount, now);
  }

  /** Forgets full buckets, so the map holds only those who sent much lately. */
  prune(now = Date.now()) {
    for (const [key, bucket] of this.buckets) if (bucket.full(now)) this.buckets.delete(key);
  }
}

/** Messages per connection: 100 a second, bursts of 400. */
export const perConnectionMessages = { burst: 400, perMinute: 100 * 60 };
const MiB = 1024 * 1024;
/** Enough for a long offline session's sync (several MiB at once) and hours of typing. */
export const perMemberBytes = { burst: 16 * MiB, perMinute: 8 * MiB };
/** An office behind one address holds many members. */
export const perAddressBytes = { burst: 64 * MiB, perMinute: 32 * MiB };
/**
 * Reconnecting is fine (a flaky network, a reload), hundreds of times a minute is not: each new
 * connection costs a few milliseconds of the server's time. An address holds many members.
 */
export const upgradeBudgets = (perMemberPerMinute: number) => ({
  member: { burst: perMemberPerMinute, perMinute: perMemberPerMinute },
  address: { burst: 20 * perMemberPerMinute, perMinute: 20 * perMemberPerMinute },
});
