import type { BenchConfig } from "./config";
import type { OpenTimes } from "./historyRun";
import { openSummary } from "./historyRun";
import type { LoadMeasurement } from "./loadRun";

export const targets = { p99Ms: 50, p99VsReference: 1.25, openVsCompacted: 2 };

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

const fixed = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : "n/a");
const verdict = (ok: boolean) => (ok ? "PASS" : "FAIL");

export function loadReport(config: BenchConfig, ours: LoadMeasurement, reference: LoadMeasurement): string {
  const row = (m: LoadMeasurement) => {
    const r = m.result;
    return [
      m.server,
      String(r.clients),
      String(r.rooms),
      fixed(r.sent / r.windowSeconds),
      `${fixed((r.delivered / Math.max(1, r.expected)) * 100, 2)}%`,
      fixed(r.latencyMs.p50, 2),
      fixed(r.latencyMs.p95, 2),
      fixed(r.latencyMs.p99, 2),
      fixed(r.latencyMs.max, 1),
      fixed(m.serverCpu),
      fixed(m.serverRssMb),
      fixed(m.generatorCpu),
      fixed(Math.max(0, m.otherCpu)),
      String(r.dropped),
    ];
  };
  const ratio = (a: number, b: number) => `${fixed(a / b, 2)}×`;
  const o = ours.result;
  const ref = reference.result;
  const header = [
    "server",
    "clients",
    "rooms",
    "updates/s",
    "delivered",
    "p50 ms",
    "p95 ms",
    "p99 ms",
    "max ms",
    "CPU %",
    "RSS MB",
    "gen CPU %",
    "other CPU %",
    "dropped",
  ];
  const ratios = [
    "ours/reference",
    "",
    "",
    ratio(o.sent / o.windowSeconds, ref.sent / ref.windowSeconds),
    "",
    ratio(o.latencyMs.p50, ref.latencyMs.p50),
    ratio(o.latencyMs.p95, ref.latencyMs.p95),
    ratio(o.latencyMs.p99, ref.latencyMs.p99),
    ratio(o.latencyMs.max, ref.latencyMs.max),
    ratio(ours.serverCpu, reference.serverCpu),
    ratio(ours.serverRssMb, reference.serverRssMb),
    "",
    "",
    "",
  ];
  return [
    `Keystroke load: ${config.rooms} rooms × ${config.clientsPerRoom} clients, ${config.updatesPerSecond} updates/s each, ` +
      `${fixed(o.windowSeconds)} s window after ${config.warmupSeconds} s warm-up`,
    table(header, [row(ours), row(reference), ratios]),
    `(CPU % is of one core over the window; other CPU % is everything else on the machine, i.e. noise; RSS at the end of the window; latency over ${o.latencyMs.count} (ours) and ` +
      `${ref.latencyMs.count} (reference) sender→receiver pairs)`,
  ].join("\n");
}

export function openReport(config: BenchConfig, times: OpenTimes): string {
  const s = openSummary(times);
  const all = (values: number[]) => values.map((v) => v.toFixed(0)).join(", ");
  const uncompacted = times.historyUncompacted === null ? `> ${fixed(times.openTimeoutMs, 0)} (timed out)` : fixed(times.historyUncompacted);
  return [
    `Cold open (connect + initial sync) of the demo schedule + ${config.historyUpdates} keystroke updates, median`,
    table(
      ["document", "rows after snapshot", "history rows", "median ms", "each ms", "vs compacted"],
      [
        ["compacted (snapshot, no history rows)", "0", "0", fixed(s.compacted), all(times.compacted), "1.00×"],
        [
          "history, compacted as at unload",
          "0",
          String(times.historyRows.compacted),
          fixed(s.historyCompacted),
          all(times.historyCompacted),
          `${fixed(s.compactedRatio, 2)}×`,
        ],
        [
          "history, not yet compacted",
          String(times.historyRows.uncompacted),
          String(times.historyRows.uncompacted),
          uncompacted,
          uncompacted,
          Number.isFinite(s.uncompactedRatio) ? `${fixed(s.uncompactedRatio, 2)}×` : "> " + fixed(times.openTimeoutMs / s.compacted, 0) + "×",
        ],
      ],
    ),
    `(initial sync ${fixed(times.syncBytes / 1024)} KiB for each of these documents)`,
  ].join("\n");
}

export function targetReport(ours: LoadMeasurement, reference: LoadMeasurement, times: OpenTimes | null): string {
  const p99 = ours.result.latencyMs.p99;
  const refP99 = reference.result.latencyMs.p99;
  const lines = [
    `${verdict(p99 < targets.p99Ms)}  p99 keystroke-to-peer latency < ${targets.p99Ms} ms: ours ${fixed(p99, 2)} ms`,
    `${verdict(p99 <= targets.p99VsReference * refP99)}  our p99 ≤ ${targets.p99VsReference}× reference p99: ${fixed(p99 / refP99, 2)}× (${fixed(p99, 2)} vs ${fixed(refP99, 2)} ms)`,
  ];
  if (times) {
    const s = openSummary(times);
    lines.push(
      `${verdict(s.compactedRatio <= targets.openVsCompacted)}  open with history (compacted as at unload) ≤ ${targets.openVsCompacted}× compacted: ${fixed(s.compactedRatio, 2)}×`,
      `${verdict(s.uncompactedRatio <= targets.openVsCompacted)}  open with history (not yet compacted, stricter reading) ≤ ${targets.openVsCompacted}× compacted: ` +
        (Number.isFinite(s.uncompactedRatio) ? `${fixed(s.uncompactedRatio, 2)}×` : `timed out after ${fixed(times.openTimeoutMs / 1000, 0)} s`),
    );
  }
  return ["Targets", ...lines].join("\n");
}
