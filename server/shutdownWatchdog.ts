import { Worker } from "node:worker_threads";

/**
 * Kills this process with SIGKILL after `ms`, from a worker thread: its timer still fires when the
 * main thread is stuck in a synchronous call that no timer of its own could interrupt (a blocking
 * write to a stdout nobody reads, an exit handler that never returns). The last resort of a shutdown.
 */
export function killAfter(ms: number): void {
  const worker = new Worker(`setTimeout(() => process.kill(${process.pid}, "SIGKILL"), ${Math.round(ms)});`, { eval: true });
  worker.unref();
}
