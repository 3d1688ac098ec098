import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import SQLite from "better-sqlite3";
import type { HistorySeed } from "./historySeed";
import type { RunningServer } from "./servers";
import { median } from "./stats";
import { YClient } from "./yclient";

export interface OpenTimes {
  /** Each: ms from opening the socket to the initial sync applied, on a cold (not loaded) room. */
  compacted: number[];
  historyCompacted: number[];
  /** One open at most (the server compacts at unload); null when it did not finish in time. */
  historyUncompacted: number | null;
  openTimeoutMs: number;
  historyRows: { compacted: number; uncompacted: number };
  syncBytes: number;
}

/** RoomRegistry's default idle delay before an empty room is compacted and unloaded. */
const unloadTimeoutMs = 120_000;

export async function measureOpens(
  server: RunningServer,
  dataDir: string,
  seed: HistorySeed,
  options: { repeats: number; openTimeoutMs: number },
  log: (line: string) => void,
): Promise<OpenTimes> {
  // Read-only, WAL: sees the server's commits without taking its write lock.
  const sqlite = new SQLite(path.join(dataDir, "app.db"), { readonly: true, fileMustExist: true });
  const snapshotTime = sqlite.prepare("select updated_at as at from doc_snapshots where negotiation_id = ?");
  const rowCount = sqlite.prepare("select count(*) as n from doc_updates where negotiation_id = ?");
  const savedAt = (id: string) => (snapshotTime.get(id) as { at: number }).at;
  const rows = (id: string) => (rowCount.get(id) as { n: number }).n;

  /** Opens the room cold, leaves, and waits until the server has compacted and unloaded it again. */
  const coldOpen = async (negotiationId: string) => {
    const before = savedAt(negotiationId);
    const opened = await openOnce(server, negotiationId, seed.cookie, options.openTimeoutMs);
    const deadline = Date.now() + unloadTimeoutMs;
    while (savedAt(negotiationId) === before) {
      if (Date.now() > deadline) throw new Error(`the server did not compact ${negotiationId} at unload within ${unloadTimeoutMs / 1000} s`);
      await sleep(20);
    }
    await sleep(200); // the unload destroys the room right after the commit we saw
    return opened;
  };
  const repeat = async (negotiationId: string, label: string) => {
    const times: number[] = [];
    for (let i = 0; i < options.repeats; i++) times.push((await coldOpen(negotiationId)).ms);
    log(`  ${label}: ${times.map((ms) => ms.toFixed(0)).join(", ")} ms`);
    return times;
  };

  try {
    await coldOpen(seed.warmup);
    const syncBytes = (await openOnce(server, seed.compacted, seed.cookie, options.openTimeoutMs)).bytes;
    await sleep(7_000); // let that warm room unload before the cold opens
    const compacted = await repeat(seed.compacted, "compacted");
    const historyCompacted = await repeat(seed.historyCompacted, "history, compacted");
    const historyRows = { compacted: rows(seed.historyCompacted), uncompacted: rows(seed.historyUncompacted) };
    // Last: if it times out the server is still busy loading, and is stopped right after.
    log(`  history, not yet compacted (${historyRows.uncompacted} rows after the snapshot): opening, timeout ${options.openTimeoutMs / 1000} s…`);
    let historyUncompacted: number | null = null;
    try {
      historyUncompacted = (await openOnce(server, seed.historyUncompacted, seed.cookie, options.openTimeoutMs)).ms;
      log(`  history, not yet compacted: ${historyUncompacted.toFixed(0)} ms`);
    } catch (error) {
      log(`  history, not yet compacted: ${error instanceof Error ? error.message : String(error)}`);
    }
    return { compacted, historyCompacted, historyUncompacted, openTimeoutMs: options.openTimeoutMs, historyRows, syncBytes };
  } finally {
    sqlite.close();
  }
}

async function openOnce(server: RunningServer, negotiationId: string, cookie: string, timeoutMs: number): Promise<{ ms: number; bytes: number }> {
  const started = performance.now();
  const client = new YClient({ url: `${server.origin.replace(/^http/, "ws")}/collab/${negotiationId}`, headers: { Origin: server.origin, Cookie: cookie } });
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      client.synced,
      new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`no initial sync within ${timeoutMs / 1000} s`)), timeoutMs))),
    ]);
    return { ms: performance.now() - started, bytes: client.initialSyncBytes };
  } finally {
    clearTimeout(timer);
    client.close();
  }
}

export function openSummary(times: OpenTimes) {
  const compacted = median(times.compacted);
  const historyCompacted = median(times.historyCompacted);
  const historyUncompacted = times.historyUncompacted ?? Infinity;
  return {
    compacted,
    historyCompacted,
    historyUncompacted,
    compactedRatio: historyCompacted / compacted,
    uncompactedRatio: historyUncompacted / compacted,
  };
}
