import type { Kysely } from "kysely";

// Proposals (decision 020): the document holds only a mark with the proposal's id; who proposed
// it, for which party, and what became of it are these rows, written by the server when it admits
// the update that first uses the id. A negotiation either edits together or only by proposals.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable("negotiations")
    .addColumn("changes_mode", "text", (c) => c.notNull().defaultTo("together"))
    .execute();
  await db.schema
    .createTable("proposals")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("negotiation_id", "text", (c) => c.notNull().references("negotiations.id").onDelete("cascade"))
    // Where the mark sat when first seen; null in a section heading.
    .addColumn("clause_id", "text")
    // "insert" or "delete"
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("author_id", "text", (c) => c.notNull().references("users.id"))
    // The author's role when proposing: a later role change does not move the proposal to the other side.
    .addColumn("party", "text", (c) => c.notNull())
    .addColumn("created_at", "integer", (c) => c.notNull())
    .addColumn("reason", "text")
    // "open", "accepted", "rejected" or "withdrawn"
    .addColumn("status", "text", (c) => c.notNull().defaultTo("open"))
    .addColumn("decided_by", "text", (c) => c.references("users.id"))
    .addColumn("decided_at", "integer")
    .execute();
  await db.schema.createIndex("proposals_negotiation").on("proposals").columns(["negotiation_id", "status"]).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("proposals").execute();
  await db.schema.alterTable("negotiations").dropColumn("changes_mode").execute();
}
