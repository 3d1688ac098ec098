// A small seeded PRNG for generated tests: the same seed makes the same choices, so a failure
// printed with its seed can be replayed (TEST_SEED=… on the command line).

export interface Random {
  readonly seed: number;
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max]. */
  int(min: number, max: number): number;
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  bytes(length: number): Uint8Array;
  /** A fresh id like newId() mints: 26 characters of base32. */
  id(): string;
}

const base32 = "abcdefghijklmnopqrstuvwxyz234567";

/** mulberry32: 32 bits of state, fast, and good enough to pick test cases. */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return {
    seed,
    next,
    int,
    chance: (p) => next() < p,
    pick: (items) => {
      if (items.length === 0) throw new Error("pick from an empty list");
      return items[int(0, items.length - 1)]!;
    },
    bytes: (length) => Uint8Array.from({ length }, () => int(0, 255)),
    id: () => Array.from({ length: 26 }, () => base32[int(0, 31)]).join(""),
  };
}

/**
 * The seed from TEST_SEED, else `fallback`, else a new one; tests print it so that a failure can
 * be replayed.
 */
export function testSeed(fallback?: number): number {
  const given = process.env.TEST_SEED;
  if (given !== undefined) {
    const seed = Number(given);
    if (!Number.isInteger(seed)) throw new Error(`TEST_SEED must be an integer, not ${given}`);
    return seed >>> 0;
  }
  return fallback ?? (Math.random() * 2 ** 32) >>> 0;
}
