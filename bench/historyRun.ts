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
  /** Only one: the first open is the only one before the server compacts the history. */
  historyUncompacted: number[];
  historyCompactedAtUnload: number[];
  /** Approximate time the server spent compacting the history at unload (its event loop blocked). */
  unloadCompactionMs: number;
  historyRowsBefore: number;
  historyRowsAfter: number;
  syncBytes: number;
}

/** RoomRegistry's default idle delay before an empty room is compacted and unloaded. */
const idleUnloadMs = 5_000;
const unloadTimeoutMs = 120_000;
/** The uncompacted open is slow by nature; this only keeps a broken run from hanging. */
const openTimeoutMs = 15 * 60_000;

export async function measureOpens(server: RunningServer, dataDir: string, seed: HistorySeed, repeats: number, log: (line: string) => void): Promise<OpenTimes> {
  // Read-only, WAL: sees the server's commits without taking its write lock.
  const sqlite = new SQLite(path.join(dataDir, "app.db"), { readonly: true, fileMustExist: true });
  const snapshotTime = sqlite.prepare("select updated_at as at from doc_snapshots where negotiation_id = ?");
  const rowCount = sqlite.prepare("select count(*) as n from doc_updates where negotiation_id = ?");
  const savedAt = (id: string) => (snapshotTime.get(id) as { at: number }).at;
  const rows = (id: string) => (rowCount.get(id) as { n: number }).n;

  /** Opens the room cold, leaves, and waits until the server has compacted and unloaded it again. */
  const coldOpen = async (negotiationId: string) => {
    const before = savedAt(negotiationId);
    const opened = await openOnce(server, negotiationId, seed.cookie);
    const closedAt = performance.now();
    const deadline = Date.now() + unloadTimeoutMs;
    while (savedAt(negotiationId) === before) {
      if (Date.now() > deadline) throw new Error(`the server did not compact ${negotiationId} at unload within ${unloadTimeoutMs / 1000} s`);
      await sleep(20);
    }
    await sleep(200); // the unload destroys the room right after the commit we saw
    return { ...opened, unloadMs: Math.max(0, performance.now() - closedAt - idleUnloadMs) };
  };

  try {
    await coldOpen(seed.warmup);
    const compacted: number[] = [];
    let syncBytes = 0;
    for (let i = 0; i < repeats; i++) {
      const open = await coldOpen(seed.compacted);
      compacted.push(open.ms);
      syncBytes = open.bytes;
    }
    log(`  compacted: ${compacted.map((ms) => ms.toFixed(0)).join(", ")} ms`);

    const historyRowsBefore = rows(seed.history);
    log(`  history, not yet compacted (${historyRowsBefore} rows after the snapshot): opening…`);
    const first = await coldOpen(seed.history);
    const historyRowsAfter = rows(seed.history);
    log(`  history, not yet compacted: ${first.ms.toFixed(0)} ms; compaction at unload ≈ ${first.unloadMs.toFixed(0)} ms`);
    const historyCompactedAtUnload: number[] = [];
    for (let i = 0; i < repeats; i++) historyCompactedAtUnload.push((await coldOpen(seed.history)).ms);
    log(`  history, compacted at unload: ${historyCompactedAtUnload.map((ms) => ms.toFixed(0)).join(", ")} ms`);
    return {
      compacted,
      historyUncompacted: [first.ms],
      historyCompactedAtUnload,
      unloadCompactionMs: first.unloadMs,
      historyRowsBefore,
      historyRowsAfter,
      syncBytes,
    };
  } finally {
    sqlite.close();
  }
}

async function openOnce(server: RunningServer, negotiationId: string, cookie: string): Promise<{ ms: number; bytes: number }> {
  const started = performance.now();
  const client = new YClient({ url: `${server.origin.replace(/^http/, "ws")}/collab/${negotiationId}`, headers: { Origin: server.origin, Cookie: cookie } });
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      client.synced,
      new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`opening ${negotiationId} took over ${openTimeoutMs / 60_000} min`)), openTimeoutMs))),
    ]);
    return { ms: performance.now() - started, bytes: client.initialSyncBytes };
  } finally {
    clearTimeout(timer);
    client.close();
  }
}

export function openSummary(times: OpenTimes) {
  const compacted = median(times.compacted);
  const historyUncompacted = median(times.historyUncompacted);
  const historyCompactedAtUnload = median(times.historyCompactedAtUnload);
  return {
    compacted,
    historyUncompacted,
    historyCompactedAtUnload,
    uncompactedRatio: historyUncompacted / compacted,
    compactedAtUnloadRatio: historyCompactedAtUnload / compacted,
  };
}
