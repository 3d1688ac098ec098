import fs from "node:fs";
import os from "node:os";

export function describeMachine(): string {
  const cpuinfo = fs.readFileSync("/proc/cpuinfo", "utf8");
  const model = /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1] ?? os.cpus()[0]?.model ?? "unknown";
  const ramGiB = os.totalmem() / 1024 ** 3;
  return `${os.availableParallelism()} cores (${model}), ${ramGiB.toFixed(1)} GiB RAM, Node ${process.version}, ${os.type()} ${os.release()}`;
}
