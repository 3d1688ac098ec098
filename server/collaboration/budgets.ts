/**
 * How much of something (bytes sent, connections opened) each member or address may use per
 * minute across all their connections, as token buckets: bursts up to `burst`, refilled at
 * `perMinute`. They keep one sender's load on the server bounded: the message rate limit alone
 * would let 100 messages/s of 2 MiB each through, and every new connection costs a few ms.
 */
export class Budget {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly burst: number,
    private readonly perMinute: number,
  ) {}

  /** Takes `amount` from `key`'s budget; false (and nothing taken) when it does not have it. */
  take(key: string, amount: number, now = Date.now()): boolean {
    const bucket = this.buckets.get(key) ?? { tokens: this.burst, at: now };
    bucket.tokens = Math.min(this.burst, bucket.tokens + ((now - bucket.at) / 60_000) * this.perMinute);
    bucket.at = now;
    this.buckets.set(key, bucket);
    if (bucket.tokens < amount) return false;
    bucket.tokens -= amount;
    return true;
  }

  /** Forgets full buckets, so the map holds only those who sent much lately. */
  prune(now = Date.now()) {
    for (const [key, bucket] of this.buckets) {
      if (bucket.tokens + ((now - bucket.at) / 60_000) * this.perMinute >= this.burst) this.buckets.delete(key);
    }
  }
}

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
