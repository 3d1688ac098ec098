import type { Kysely } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  // Every accepted Yjs update, attributed to the member whose connection sent it. Compaction merges
  // runs of one member's updates, so attribution survives at (member, 10 minutes) granularity.
  await db.schema
    .createTable("doc_updates")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("negotiation_id", "text", (c) => c.notNull().references("negotiations.id").onDelete("cascade"))
    .addColumn("data", "blob", (c) => c.notNull())
    .addColumn("user_id", "text")
    .addColumn("created_at", "integer", (c) => c.notNull())
    .addColumn("merged_count", "integer", (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex("doc_updates_negotiation").on("doc_updates").columns(["negotiation_id", "id"]).execute();

  // The whole document as one Yjs update, covering doc_updates up to through_update_id, and the same
  // content as canonical ProseMirror JSON for export, search and checks that do not want Yjs.
  await db.schema
    .createTable("doc_snapshots")
    .addColumn("negotiation_id", "text", (c) => c.primaryKey().references("negotiations.id").onDelete("cascade"))
    .addColumn("state", "blob", (c) => c.notNull())
    .addColumn("through_update_id", "integer", (c) => c.notNull())
    .addColumn("content_json", "text", (c) => c.notNull())
    .addColumn("updated_at", "integer", (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("doc_snapshots").execute();
  await db.schema.dropTable("doc_updates").execute();
}
