import { destination, pino, type Logger } from "pino";

export type { Logger };

let stdoutDeadline = Infinity;

export function createLogger(level: string): Logger {
  // sonic-boom retries a full stdout for as long as it takes, also in its synchronous final flush
  // at exit: with a reader that stopped reading, the process would never end. After
  // giveUpOnStdoutAfter() it waits only until then, and drops what stdout cannot take.
  const stdout = destination({ dest: process.stdout.fd, sync: false, retryEAGAIN: () => Date.now() < stdoutDeadline });
  return pino({ level, base: { service: "common-ground" }, timestamp: pino.stdTimeFunctions.isoTime }, stdout);
}

/** On shutdown: log lines that stdout has not taken within `ms` are dropped instead of waited for. */
export function giveUpOnStdoutAfter(ms: number): void {
  stdoutDeadline = Date.now() + ms;
}
