import type SQLite from "better-sqlite3";
import type { DB } from "../connection";

/**
 * doc_updates and doc_snapshots: the Yjs log and its compacted snapshot. The collaboration hot
 * path (DocumentStore: a group commit every few milliseconds, room loads) uses statements prepared
 * once on the raw driver, which the caller batches in its own transactions; Kysely would build
 * and compile each query again on every call.
 */
export function prepareDocumentStatements(sqlite: SQLite.Database) {
  return {
    insertUpdate: sqlite.prepare<[negotiationId: string, data: Uint8Array, userId: string | null, createdAt: number]>(
      "insert into doc_updates (negotiation_id, data, user_id, created_at) values (?, ?, ?, ?)",
    ),
    touchNegotiation: sqlite.prepare<[at: number, negotiationId: string]>("update negotiations set last_activity_at = ? where id = ?"),
    snapshot: sqlite.prepare<[negotiationId: string], { state: Buffer; through_update_id: number }>(
      "select state, through_update_id from doc_snapshots where negotiation_id = ?",
    ),
    updatesSince: sqlite.prepare<[negotiationId: string, afterId: number], { data: Buffer }>(
      "select data from doc_updates where negotiation_id = ? and id > ? order by id",
    ),
    maxUpdateId: sqlite.prepare<[negotiationId: string], { id: number }>("select coalesce(max(id), 0) as id from doc_updates where negotiation_id = ?"),
    countSince: sqlite.prepare<[negotiationId: string, afterId: number], { n: number }>(
      "select count(*) as n from doc_updates where negotiation_id = ? and id > ?",
    ),
    upsertSnapshot: sqlite.prepare<[negotiationId: string, state: Uint8Array, throughUpdateId: number, contentJson: string, updatedAt: number]>(
      `insert into doc_snapshots (negotiation_id, state, through_update_id, content_json, updated_at) values (?, ?, ?, ?, ?)
         on conflict (negotiation_id) do update set state = excluded.state, through_update_id = excluded.through_update_id,
           content_json = excluded.content_json, updated_at = excluded.updated_at`,
    ),
    historySince: sqlite.prepare<
      [negotiationId: string, throughId: number, fromCreatedAt: number],
      { id: number; user_id: string | null; created_at: number; data: Buffer; merged_count: number }
    >("select id, user_id, created_at, data, merged_count from doc_updates where negotiation_id = ? and id <= ? and created_at >= ? order by id"),
    mergedThrough: sqlite.prepare<[negotiationId: string], { through: number }>(
      "select history_merged_through as through from doc_snapshots where negotiation_id = ?",
    ),
    setMergedThrough: sqlite.prepare<[through: number, negotiationId: string]>("update doc_snapshots set history_merged_through = ? where negotiation_id = ?"),
    updateSnapshotState: sqlite.prepare<[state: Uint8Array, throughUpdateId: number, updatedAt: number, negotiationId: string]>(
      "update doc_snapshots set state = ?, through_update_id = ?, updated_at = ? where negotiation_id = ?",
    ),
    oldestSince: sqlite.prepare<[negotiationId: string, afterId: number], { at: number | null }>(
      "select min(created_at) as at from doc_updates where negotiation_id = ? and id > ?",
    ),
    replaceMerged: sqlite.prepare<[data: Uint8Array, createdAt: number, mergedCount: number, id: number]>(
      "update doc_updates set data = ?, created_at = ?, merged_count = ? where id = ?",
    ),
    deleteUpdate: sqlite.prepare<[id: number]>("delete from doc_updates where id = ?"),
  };
}

/** The whole log with who made each update, oldest first: what the redline replays. */
export async function updatesWithAuthors(db: DB, negotiationId: string) {
  return db.selectFrom("doc_updates").select(["user_id", "data", "created_at"]).where("negotiation_id", "=", negotiationId).orderBy("id").execute();
}
