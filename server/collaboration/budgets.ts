/**
 * Bytes a member (or an address) may send per minute across all their connections, as a token
 * bucket: bursts up to `burst`, refilled at `perMinute`. The message rate limit alone would let
 * 100 messages/s of 2 MiB each through; this keeps one sender's load on the room bounded.
 */
export class ByteBudget {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly burst: number,
    private readonly perMinute: number,
  ) {}

  /** Takes `bytes` from `key`'s budget; false (and nothing taken) when it does not have them. */
  take(key: string, bytes: number, now = Date.now()): boolean {
    const bucket = this.buckets.get(key) ?? { tokens: this.burst, at: now };
    bucket.tokens = Math.min(this.burst, bucket.tokens + ((now - bucket.at) / 60_000) * this.perMinute);
    bucket.at = now;
    this.buckets.set(key, bucket);
    if (bucket.tokens < bytes) return false;
    bucket.tokens -= bytes;
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
