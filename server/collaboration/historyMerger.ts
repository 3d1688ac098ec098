import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";

// Merging a member's updates into one (Y.mergeUpdates) is pure CPU and grows faster than linearly
// with their number, so it runs beside the event loop that serves everyone's keystrokes. The worker
// is a few lines of plain JavaScript: a worker does not get the tsx loader of its parent.
const yjsPath = createRequire(import.meta.url).resolve("yjs");
const workerSource = `
const { parentPort } = require("node:worker_threads");
const Y = require(${JSON.stringify(yjsPath)});
parentPort.on("message", ({ id, groups }) => {
  try {
    parentPort.postMessage({ id, merged: groups.map((group) => Y.mergeUpdates(group)) });
  } catch (error) {
    parentPort.postMessage({ id, error: String(error && error.message || error) });
  }
});
`;

type Reply = { id: number; merged?: Uint8Array[]; error?: string };

/** Runs Y.mergeUpdates for groups of updates in a worker thread, one request at a time in order. */
export class HistoryMerger {
  private worker: Worker | null = null;
  private nextId = 0;
  private readonly waiting = new Map<number, { resolve: (merged: Uint8Array[]) => void; reject: (error: Error) => void }>();

  merge(groups: Uint8Array[][]): Promise<Uint8Array[]> {
    const worker = this.start();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      worker.postMessage({ id, groups });
    });
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(workerSource, { eval: true });
    worker.unref();
    worker.on("message", (reply: Reply) => {
      const pending = this.waiting.get(reply.id);
      this.waiting.delete(reply.id);
      if (reply.merged) pending?.resolve(reply.merged);
      else pending?.reject(new Error(reply.error ?? "history merge failed"));
    });
    worker.on("error", (error) => this.fail(error));
    worker.on("exit", () => this.fail(new Error("history merge worker stopped")));
    this.worker = worker;
    return worker;
  }

  private fail(error: Error) {
    this.worker = null;
    for (const pending of this.waiting.values()) pending.reject(error);
    this.waiting.clear();
  }

  async close() {
    await this.worker?.terminate();
  }
}
