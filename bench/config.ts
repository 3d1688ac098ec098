/** Benchmark knobs, from the environment so `npm run bench` needs no arguments. */
export interface BenchConfig {
  rooms: number;
  clientsPerRoom: number;
  updatesPerSecond: number;
  warmupSeconds: number;
  seconds: number;
  historyUpdates: number;
  /** Cold opens per document state in the open-time measurement. */
  openRepeats: number;
  /** Give up on an open after this long (the uncompacted history can take many minutes). */
  openTimeoutSeconds: number;
}

function positive(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number, got ${JSON.stringify(raw)}`);
  return value;
}

export function loadBenchConfig(): BenchConfig {
  return {
    rooms: Math.round(positive("BENCH_ROOMS", 100)),
    clientsPerRoom: Math.max(2, Math.round(positive("BENCH_CLIENTS", 10))),
    updatesPerSecond: positive("BENCH_RATE", 2),
    warmupSeconds: positive("BENCH_WARMUP", 5),
    seconds: positive("BENCH_SECONDS", 30),
    historyUpdates: Math.round(positive("BENCH_HISTORY_UPDATES", 100_000)),
    openRepeats: Math.round(positive("BENCH_OPEN_REPEATS", 3)),
    openTimeoutSeconds: positive("BENCH_OPEN_TIMEOUT", 60),
  };
}
