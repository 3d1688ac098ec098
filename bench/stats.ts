export interface Percentiles {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/** Nearest-rank percentiles; sorts `values` in place. */
export function percentiles(values: Float64Array): Percentiles {
  values.sort();
  const n = values.length;
  const at = (q: number) => (n ? values[Math.min(n - 1, Math.max(0, Math.ceil(q * n) - 1))]! : NaN);
  return { count: n, p50: at(0.5), p95: at(0.95), p99: at(0.99), max: n ? values[n - 1]! : NaN };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
