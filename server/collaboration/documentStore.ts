import type SQLite from "better-sqlite3";
import * as Y from "yjs";
import { prosemirrorToYDoc, yXmlFragmentToProsemirrorJSON } from "y-prosemirror";
import type { Node as PMNode } from "prosemirror-model";
import { scheduleFragmentName } from "../../shared/editor/schema";
import type { Logger } from "../logger";
import type { CollaborationMetrics } from "./metrics";

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
  /** The history merge in progress per negotiation: merges of one negotiation never overlap. */
  private readonly merging = new Map<string, Promise<void>>();
  private flushTimer: NodeJS.Timeout | null = null;
  private readonly stmts;

  constructor(
    private readonly sqlite: SQLite.Database,
    private readonly logger: Logger,
    private readonly metrics: CollaborationMetrics,
    private readonly flushDelayMs = 40,
  ) {
    this.stmts = {
      insertUpdate: sqlite.prepare("insert into doc_updates (negotiation_id, data, user_id, created_at) values (?, ?, ?, ?)"),
      touchNegotiation: sqlite.prepare("update negotiations set last_activity_at = ? where id = ?"),
      snapshot: sqlite.prepare("select state, through_update_id from doc_snapshots where negotiation_id = ?"),
      updatesSince: sqlite.prepare("select data from doc_updates where negotiation_id = ? and id > ? order by id"),
      maxUpdateId: sqlite.prepare("select coalesce(max(id), 0) as id from doc_updates where negotiation_id = ?"),
      countSince: sqlite.prepare("select count(*) as n from doc_updates where negotiation_id = ? and id > ?"),
      upsertSnapshot: sqlite.prepare(
        `insert into doc_snapshots (negotiation_id, state, through_update_id, content_json, updated_at) values (?, ?, ?, ?, ?)
         on conflict (negotiation_id) do update set state = excluded.state, through_update_id = excluded.through_update_id,
           content_json = excluded.content_json, updated_at = excluded.updated_at`,
      ),
      historySince: sqlite.prepare(
        "select id, user_id, created_at, data, merged_count from doc_updates where negotiation_id = ? and id <= ? and created_at >= ? order by id",
      ),
      oldestSince: sqlite.prepare("select min(created_at) as at from doc_updates where negotiation_id = ? and id > ?"),
      replaceMerged: sqlite.prepare("update doc_updates set data = ?, created_at = ?, merged_count = ? where id = ?"),
      deleteUpdate: sqlite.prepare("delete from doc_updates where id = ?"),
    };
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
    const snapshot = this.stmts.snapshot.get(negotiationId) as { state: Buffer; through_update_id: number } | undefined;
    const updates = this.stmts.updatesSince.all(negotiationId, snapshot?.through_update_id ?? 0) as { data: Buffer }[];
    // One transaction, update by update: Y.mergeUpdates grows much faster than linearly with the
    // number of updates, which would stall the server on a room whose compaction fell behind.
    Y.transact(doc, () => {
      if (snapshot) Y.applyUpdate(doc, snapshot.state);
      for (const u of updates) Y.applyUpdate(doc, u.data);
    });
    return doc;
  }

  exists(negotiationId: string): boolean {
    return this.stmts.snapshot.get(negotiationId) !== undefined || (this.stmts.maxUpdateId.get(negotiationId) as { id: number }).id > 0;
  }

  append(negotiationId: string, data: Uint8Array, userId: string | null): void {
    this.pending.push({ negotiationId, data, userId, at: Date.now() });
    this.flushTimer ??= setTimeout(() => this.flush(), this.flushDelayMs);
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
      this.metrics.recordFlush(now - batch[0]!.at);
    } catch (error) {
      // Keep the updates for the next attempt: clients also still hold them and resend on reconnect.
      this.pending = batch.concat(this.pending);
      this.logger.error({ err: error, updates: batch.length }, "persisting document updates failed");
      this.flushTimer ??= setTimeout(() => this.flush(), 1000);
    }
  }

  updatesSinceSnapshot(negotiationId: string): number {
    const snapshot = this.stmts.snapshot.get(negotiationId) as { through_update_id: number } | undefined;
    return (this.stmts.countSince.get(negotiationId, snapshot?.through_update_id ?? 0) as { n: number }).n;
  }

  /**
   * Snapshots the in-memory document (which holds every update appended so far), then merges the
   * history behind it into one row per member per 10 minutes. The snapshot is quick and happens at
   * once; the merge is spread over several turns of the event loop (one group per turn), so that
   * many rooms compacting together never hold up live updates. Resolves when the merge is done.
   */
  compact(negotiationId: string, doc: Y.Doc): Promise<void> {
    this.flush();
    const snapshot = this.stmts.snapshot.get(negotiationId) as { through_update_id: number } | undefined;
    const previousThrough = snapshot?.through_update_id ?? 0;
    const through = (this.stmts.maxUpdateId.get(negotiationId) as { id: number }).id;
    const content = JSON.stringify(yXmlFragmentToProsemirrorJSON(doc.getXmlFragment(scheduleFragmentName)));
    this.stmts.upsertSnapshot.run(negotiationId, Y.encodeStateAsUpdate(doc), through, content, Date.now());
    const previous = this.merging.get(negotiationId) ?? Promise.resolve();
    const next = previous
      .then(() => this.mergeHistory(negotiationId, previousThrough, through))
      .catch((error) => this.logger.error({ err: error, negotiationId }, "merging document history failed; rows stay unmerged"));
    this.merging.set(negotiationId, next);
    void next.then(() => {
      if (this.merging.get(negotiationId) === next) this.merging.delete(negotiationId);
    });
    return next;
  }

  private async mergeHistory(negotiationId: string, previousThrough: number, through: number): Promise<void> {
    type Row = { id: number; user_id: string | null; created_at: number; data: Buffer; merged_count: number };
    const oldestNew = (this.stmts.oldestSince.get(negotiationId, previousThrough) as { at: number | null }).at;
    if (oldestNew === null) return;
    const from = Math.floor(oldestNew / historyBucketMs) * historyBucketMs;
    const groups = new Map<string, Row[]>();
    for (const row of this.stmts.historySince.all(negotiationId, through, from) as Row[]) {
      const key = `${row.user_id ?? ""}|${Math.floor(row.created_at / historyBucketMs)}`;
      const group = groups.get(key);
      if (group) group.push(row);
      else groups.set(key, [row]);
    }
    for (const group of groups.values()) {
      if (group.length < 2) continue;
      await new Promise((resolve) => setImmediate(resolve));
      const merged = Y.mergeUpdates(group.map((r) => r.data));
      const count = group.reduce((n, r) => n + r.merged_count, 0);
      this.sqlite.transaction(() => {
        this.stmts.replaceMerged.run(merged, group[group.length - 1]!.created_at, count, group[0]!.id);
        for (const r of group.slice(1)) this.stmts.deleteUpdate.run(r.id);
      })();
    }
  }
}
