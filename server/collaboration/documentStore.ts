import type SQLite from "better-sqlite3";
import * as Y from "yjs";
import { prosemirrorToYDoc, yXmlFragmentToProsemirrorJSON } from "y-prosemirror";
import type { Node as PMNode } from "prosemirror-model";
import { scheduleFragmentName } from "../../shared/editor/schema";
import type { Logger } from "../logger";
import { HistoryMerger } from "./historyMerger";
import { isDatabaseBusy } from "../../db/connection";
import { prepareDocumentStatements } from "../../db/queries/documents";

export const historyBucketMs = 10 * 60 * 1000;

interface Pending {
  negotiationId: string;
  data: Uint8Array;
  userId: string | null;
  at: number;
}

/**
 * Yjs persistence in SQLite. Accepted updates are appended in group commits (one transaction every
 * `flushDelayMs`), and a snapshot of the whole document lets a room open by reading one row plus
 * the few updates since, however long the history behind it.
 */
export class DocumentStore {
  private pending: Pending[] = [];
  /** When each negotiation's last_activity_at was last written: once every 10 s is enough. */
  private readonly touchedAt = new Map<string, number>();
  private readonly merger = new HistoryMerger();
  /** The history merge in progress per negotiation: merges of one negotiation never overlap. */
  private readonly merging = new Map<string, Promise<void>>();
  private flushTimer: NodeJS.Timeout | null = null;
  private readonly stmts;

  constructor(
    private readonly sqlite: SQLite.Database,
    private readonly logger: Logger,
    private readonly flushDelayMs = 40,
  ) {
    this.stmts = prepareDocumentStatements(sqlite);
  }

  /** Creates a negotiation's document from a ProseMirror doc: the only way documents are born. */
  create(negotiationId: string, doc: PMNode): void {
    const ydoc = prosemirrorToYDoc(doc, scheduleFragmentName);
    this.stmts.upsertSnapshot.run(negotiationId, Y.encodeStateAsUpdate(ydoc), 0, JSON.stringify(doc.toJSON()), Date.now());
    ydoc.destroy();
  }

  /** Loads the document: its snapshot, then whatever was appended after it. */
  load(negotiationId: string): Y.Doc {
    this.flush();
    const doc = new Y.Doc({ gc: true });
    const snapshot = this.stmts.snapshot.get(negotiationId);
    const updates = this.stmts.updatesSince.all(negotiationId, snapshot?.through_update_id ?? 0);
    // One transaction, update by update: Y.mergeUpdates grows much faster than linearly with the
    // number of updates, which would stall the server on a room whose compaction fell behind.
    Y.transact(doc, () => {
      if (snapshot) Y.applyUpdate(doc, snapshot.state);
      for (const u of updates) Y.applyUpdate(doc, u.data);
    });
    return doc;
  }

  exists(negotiationId: string): boolean {
    return this.stmts.snapshot.get(negotiationId) !== undefined || this.stmts.maxUpdateId.get(negotiationId)!.id > 0;
  }

  append(negotiationId: string, data: Uint8Array, userId: string | null): void {
    this.pending.push({ negotiationId, data, userId, at: Date.now() });
    this.flushTimer ??= setTimeout(() => this.flush(), this.flushDelayMs);
  }

  /** Stops the merge worker (on shutdown); pending merges are dropped, their rows stay unmerged. */
  close(): Promise<void> {
    return this.merger.close();
  }

  /** Writes all pending updates in one transaction. */
  flush(): void {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = null;
    if (this.pending.length === 0) return;
    const batch = this.pending;
    this.pending = [];
    const now = Date.now();
    const touched = new Set<string>();
    try {
      this.sqlite.transaction(() => {
        for (const p of batch) {
          this.stmts.insertUpdate.run(p.negotiationId, p.data, p.userId, p.at);
          touched.add(p.negotiationId);
        }
        for (const id of touched) {
          if (now - (this.touchedAt.get(id) ?? 0) < 10_000) continue;
          this.touchedAt.set(id, now);
          this.stmts.touchNegotiation.run(now, id);
        }
      })();
    } catch (error) {
      // Keep the updates for the next attempt: clients also still hold them and resend on reconnect.
      // A lock held by another process is expected to pass (a backup): a warning, and a retry soon,
      // but not so soon that the busy timeouts (100 ms each, blocking) take much of the event loop.
      this.pending = batch.concat(this.pending);
      const busy = isDatabaseBusy(error);
      if (busy) this.logger.warn({ updates: batch.length }, "database locked by another process; document updates wait for the next attempt");
      else this.logger.error({ err: error, updates: batch.length }, "persisting document updates failed");
      this.flushTimer ??= setTimeout(() => this.flush(), busy ? 500 : 1000);
    }
  }

  updatesSinceSnapshot(negotiationId: string): number {
    const snapshot = this.stmts.snapshot.get(negotiationId);
    return this.stmts.countSince.get(negotiationId, snapshot?.through_update_id ?? 0)!.n;
  }

  /**
   * The cheap part of compaction, done while a room is open: the whole document as one update,
   * covering the log so far, so that opening it again reads one row plus what came after. The
   * ProseMirror JSON and the history merge wait for compact(), when the room unloads: under load
   * their CPU would delay everyone's keystrokes (docs/benchmarks.md).
   */
  snapshot(negotiationId: string, doc: Y.Doc): void {
    this.flush();
    const through = this.stmts.maxUpdateId.get(negotiationId)!.id;
    const result = this.stmts.updateSnapshotState.run(Y.encodeStateAsUpdate(doc), through, Date.now(), negotiationId);
    if (result.changes === 0) void this.compact(negotiationId, doc);
  }

  /**
   * Full compaction, when a room unloads: the snapshot with its ProseMirror JSON, then the history
   * merged into one row per member per 10 minutes in a worker thread (HistoryMerger). Resolves
   * when the merge is done.
   */
  compact(negotiationId: string, doc: Y.Doc): Promise<void> {
    this.flush();
    const through = this.stmts.maxUpdateId.get(negotiationId)!.id;
    const content = JSON.stringify(yXmlFragmentToProsemirrorJSON(doc.getXmlFragment(scheduleFragmentName)));
    this.stmts.upsertSnapshot.run(negotiationId, Y.encodeStateAsUpdate(doc), through, content, Date.now());
    const previous = this.merging.get(negotiationId) ?? Promise.resolve();
    const next = previous
      .then(() => this.mergeHistory(negotiationId, through))
      .catch((error) => this.logger.error({ err: error, negotiationId }, "merging document history failed; rows stay unmerged"));
    this.merging.set(negotiationId, next);
    void next.then(() => {
      if (this.merging.get(negotiationId) === next) this.merging.delete(negotiationId);
    });
    return next;
  }

  /**
   * One row per member per 10-minute bucket. Only the buckets touched since the previous merge are
   * read, so merging does not slow down as the history grows. Merging out of order is safe: these
   * rows are attribution history (rooms load from the snapshot), and Yjs updates commute. Rows are
   * only changed here, and merges of one negotiation are serialized, so the rows read before the
   * worker answers are still the rows written after.
   */
  private async mergeHistory(negotiationId: string, through: number): Promise<void> {
    const previousThrough = this.stmts.mergedThrough.get(negotiationId)?.through ?? 0;
    const oldestNew = this.stmts.oldestSince.get(negotiationId, previousThrough)!.at;
    if (oldestNew === null) return;
    const from = Math.floor(oldestNew / historyBucketMs) * historyBucketMs;
    const rows = this.stmts.historySince.all(negotiationId, through, from);
    const groups = new Map<string, typeof rows>();
    for (const row of rows) {
      const key = `${row.user_id ?? ""}|${Math.floor(row.created_at / historyBucketMs)}`;
      const group = groups.get(key);
      if (group) group.push(row);
      else groups.set(key, [row]);
    }
    const toMerge = [...groups.values()].filter((group) => group.length > 1);
    const merged = toMerge.length ? await this.merger.merge(toMerge.map((group) => group.map((r) => new Uint8Array(r.data)))) : [];
    this.sqlite.transaction(() => {
      toMerge.forEach((group, i) => {
        const count = group.reduce((n, r) => n + r.merged_count, 0);
        this.stmts.replaceMerged.run(merged[i]!, group[group.length - 1]!.created_at, count, group[0]!.id);
        for (const r of group.slice(1)) this.stmts.deleteUpdate.run(r.id);
      });
      this.stmts.setMergedThrough.run(through, negotiationId);
    })();
  }
}
