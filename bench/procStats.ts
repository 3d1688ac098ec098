import { execFileSync } from "node:child_process";
import fs from "node:fs";

// Linux only: CPU and memory straight from /proc, so the measured process needs no instrumentation.
const clockTicks = (() => {
  try {
    return Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
  } catch {
    return 100;
  }
})();

export interface CpuSample {
  cpuSeconds: number;
  wallMs: number;
}

export function sampleCpu(pid: number): CpuSample {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
  // The command name (field 2) may contain spaces; fields after its closing parenthesis are fixed.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  return { cpuSeconds: (utime + stime) / clockTicks, wallMs: performance.now() };
}

/** CPU used between two samples, as % of one core. */
export function cpuPercent(from: CpuSample, to: CpuSample): number {
  return ((to.cpuSeconds - from.cpuSeconds) / ((to.wallMs - from.wallMs) / 1000)) * 100;
}

/** Resident and peak resident memory in MB. */
export function memoryMb(pid: number): { rss: number; peak: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? NaN);
  return { rss: kb("VmRSS") / 1024, peak: kb("VmHWM") / 1024 };
}

/** CPU seconds the whole machine was busy (all cores), from the aggregate line of /proc/stat. */
export function sampleMachineCpu(): CpuSample {
  const line = fs.readFileSync("/proc/stat", "utf8").split("\n")[0]!;
  const [user, nice, system, , , irq, softirq, steal] = line.trim().split(/\s+/).slice(1).map(Number);
  return { cpuSeconds: (user! + nice! + system! + irq! + softirq! + steal!) / clockTicks, wallMs: performance.now() };
}
