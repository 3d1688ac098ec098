import { fork } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { GeneratorMessage, LoadPlan, LoadResult } from "./loadProtocol";
import { cpuPercent, memoryMb, sampleCpu, sampleMachineCpu, type CpuSample } from "./procStats";
import type { RunningServer } from "./servers";

export interface LoadMeasurement {
  server: string;
  result: LoadResult;
  /** % of one core over the measurement window. */
  serverCpu: number;
  serverRssMb: number;
  serverPeakRssMb: number;
  generatorCpu: number;
  /** CPU used by everything else on the machine over the window (% of one core): noise to watch. */
  otherCpu: number;
}

const generatorPath = fileURLToPath(new URL("./loadGenerator.ts", import.meta.url));

/** Runs one load against `server` in a fresh generator process; samples both processes' CPU over the window. */
export function runLoad(server: RunningServer, plan: LoadPlan, log: (line: string) => void): Promise<LoadMeasurement> {
  const generator = fork(generatorPath, [], { execArgv: ["--import", "tsx"], stdio: ["ignore", "inherit", "inherit", "ipc"] });
  const generatorPid = generator.pid!;
  type Samples = { server: CpuSample; generator: CpuSample; machine: CpuSample };
  const sample = (): Samples => ({ server: sampleCpu(server.pid), generator: sampleCpu(generatorPid), machine: sampleMachineCpu() });
  let start: Samples | null = null;
  let end: (Samples & { memory: { rss: number; peak: number } }) | null = null;

  return new Promise<LoadMeasurement>((resolve, reject) => {
    let settled = false;
    let measurement: LoadMeasurement | null = null;
    const fail = (error: Error) => {
      if (settled) return;
      settled = true;
      generator.kill("SIGKILL");
      reject(error);
    };
    generator.on("message", (message: GeneratorMessage) => {
      switch (message.type) {
        case "connected":
          log(
            `  ${server.name}: ${plan.rooms.length * (plan.rooms[0]?.cookies.length ?? 0)} clients synced in ${(message.ms / 1000).toFixed(1)} s; warming up ${plan.warmupSeconds} s`,
          );
          break;
        case "window-start":
          start = sample();
          log(`  ${server.name}: measuring for ${plan.seconds} s`);
          break;
        case "window-end":
          end = { ...sample(), memory: memoryMb(server.pid) };
          break;
        case "failed":
          fail(new Error(`load generator failed against ${server.name}: ${message.message}\n${server.output()}`));
          break;
        case "result": {
          if (!start || !end) return fail(new Error("load generator reported a result without a measurement window"));
          measurement = {
            server: server.name,
            result: message.result,
            serverCpu: cpuPercent(start.server, end.server),
            serverRssMb: end.memory.rss,
            serverPeakRssMb: end.memory.peak,
            generatorCpu: cpuPercent(start.generator, end.generator),
            otherCpu: cpuPercent(start.machine, end.machine) - cpuPercent(start.server, end.server) - cpuPercent(start.generator, end.generator),
          };
          break;
        }
      }
    });
    // Resolve only once the generator is gone, so its sockets are closed before the server stops.
    generator.once("exit", (code) => {
      if (measurement && !settled) {
        settled = true;
        resolve(measurement);
      } else fail(new Error(`load generator exited (${code}) before reporting`));
    });
    generator.once("error", fail);
    generator.send({ type: "plan", plan });
  });
}
