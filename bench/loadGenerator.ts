// The load generator, run as a child process of bench/run.ts so its CPU is not the orchestrator's
// and can be measured separately. It speaks to the orchestrator over the IPC channel only.
import { setTimeout as sleep } from "node:timers/promises";
import type { GeneratorMessage, LoadPlan, LoadResult, OrchestratorMessage } from "./loadProtocol";
import { percentiles } from "./stats";
import { YClient, firstStructId } from "./yclient";

const connectConcurrency = 25;
const syncTimeoutMs = 30_000;
/** After the window closes, how long updates sent inside it may still arrive and count. */
const drainMs = 2_000;

function report(message: GeneratorMessage) {
  process.send!(message);
}

async function run(plan: LoadPlan): Promise<LoadResult> {
  // Send times by update id. All clients share this process, so one clock serves sender and receiver.
  const sentAt = new Map<number, number>();
  const idKey = (client: number, clock: number) => client * 2 ** 20 + clock;
  let windowStart = Infinity;
  let windowEnd = Infinity;
  const inWindow = (t: number) => t >= windowStart && t < windowEnd;
  const latencies: number[] = [];
  let sent = 0;

  const seed = plan.seedUpdate ? new Uint8Array(Buffer.from(plan.seedUpdate, "base64")) : undefined;
  const connect = (room: LoadPlan["rooms"][number], index: number) => {
    const cookie = room.cookies[index];
    return new YClient({
      url: `${plan.baseUrl}/${room.name}`,
      headers: { Origin: plan.origin, ...(cookie ? { Cookie: cookie } : {}) },
      initialUpdate: index === 0 ? seed : undefined,
      onSend(client, clock) {
        const now = performance.now();
        sentAt.set(idKey(client, clock), now);
        if (inWindow(now)) sent += 1;
      },
      onRemoteUpdate(update, receiver) {
        const now = performance.now();
        const id = firstStructId(update);
        if (!id || id.client === receiver.doc.clientID) return; // the reference server echoes to the sender
        const sentTime = sentAt.get(idKey(id.client, id.clock));
        if (sentTime !== undefined && inWindow(sentTime)) latencies.push(now - sentTime);
      },
    });
  };

  // Each room's first client connects before the others, so on a server that starts rooms empty
  // its seed update is there before anyone else syncs.
  const started = performance.now();
  const clients: YClient[][] = plan.rooms.map(() => []);
  const clientsPerRoom = plan.rooms[0]!.cookies.length;
  const jobs = plan.rooms.flatMap((room, r) => room.cookies.map((_, i) => ({ room, r, i })));
  for (const phase of [jobs.filter((j) => j.i === 0), jobs.filter((j) => j.i > 0)]) {
    await inGroups(phase, connectConcurrency, async ({ room, r, i }) => {
      const client = connect(room, i);
      clients[r]![i] = client;
      await withTimeout(client.synced, syncTimeoutMs, `sync of client ${i} in room ${r}`);
    });
  }
  const connectMs = performance.now() - started;
  report({ type: "connected", ms: connectMs });

  const periodMs = 1000 / plan.updatesPerSecond;
  const letters = "abcdefghijklmnopqrstuvwxyz ";
  const timers: NodeJS.Timeout[] = [];
  for (const client of clients.flat()) {
    const keystroke = () => {
      if (client.open) client.type(letters[Math.floor(Math.random() * letters.length)]!);
    };
    // Random phases, so keystrokes are spread over the period instead of arriving in bursts.
    timers.push(
      setTimeout(() => {
        keystroke();
        timers.push(setInterval(keystroke, periodMs));
      }, Math.random() * periodMs),
    );
  }

  await sleep(plan.warmupSeconds * 1000);
  windowStart = performance.now();
  report({ type: "window-start" });
  await sleep(plan.seconds * 1000);
  windowEnd = performance.now();
  report({ type: "window-end" });
  for (const timer of timers) clearTimeout(timer);
  await sleep(drainMs);

  const dropped = clients.flat().filter((c) => c.closeCode !== null).length;
  for (const client of clients.flat()) client.close();
  return {
    clients: clients.flat().length,
    rooms: plan.rooms.length,
    connectMs,
    windowSeconds: (windowEnd - windowStart) / 1000,
    sent,
    delivered: latencies.length,
    expected: sent * (clientsPerRoom - 1),
    latencyMs: percentiles(Float64Array.from(latencies)),
    dropped,
  };
}

async function inGroups<T>(items: T[], size: number, task: (item: T) => Promise<void>) {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(task));
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out: ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

process.once("message", (message: OrchestratorMessage) => {
  run(message.plan)
    .then((result) => report({ type: "result", result }))
    .catch((error: unknown) => report({ type: "failed", message: error instanceof Error ? error.message : String(error) }))
    // Give the IPC message time to leave, then end: open sockets would otherwise keep us alive.
    .finally(() => setTimeout(() => process.exit(0), 200));
});
