import type { Kysely } from "kysely";

// When the item under discussion became current (decision 034): every browser counts its time box
// down from the same moment, the server's.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("moderated_sessions").addColumn("current_item_at", "integer").execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("moderated_sessions").dropColumn("current_item_at").execute();
}
