import type { Kysely } from "kysely";

// Snapshots now advance while a room is open, but the history is merged only at unload: the merge
// needs its own watermark.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable("doc_snapshots")
    .addColumn("history_merged_through", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("doc_snapshots").dropColumn("history_merged_through").execute();
}
