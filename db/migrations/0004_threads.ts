import type { Kysely } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  // Threads live beside the Y.Doc, not in it: the server sets authors and times, and visibility
  // (shared, or internal to one party) is enforced on every read.
  await db.schema
    .createTable("threads")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("negotiation_id", "text", (c) => c.notNull().references("negotiations.id").onDelete("cascade"))
    .addColumn("clause_id", "text", (c) => c.notNull())
    .addColumn("anchor_json", "text")
    .addColumn("quote", "text")
    .addColumn("visibility", "text", (c) => c.notNull())
    .addColumn("party", "text")
    .addColumn("created_by", "text", (c) => c.notNull().references("users.id"))
    .addColumn("created_at", "integer", (c) => c.notNull())
    .addColumn("updated_at", "integer", (c) => c.notNull())
    .addColumn("resolved_at", "integer")
    .addColumn("resolved_by", "text", (c) => c.references("users.id"))
    .execute();
  await db.schema.createIndex("threads_negotiation").on("threads").columns(["negotiation_id", "clause_id"]).execute();

  await db.schema
    .createTable("comments")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("thread_id", "text", (c) => c.notNull().references("threads.id").onDelete("cascade"))
    .addColumn("author_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("created_at", "integer", (c) => c.notNull())
    .addColumn("edited_at", "integer")
    .addColumn("deleted_at", "integer")
    .execute();
  await db.schema.createIndex("comments_thread").on("comments").columns(["thread_id", "created_at"]).execute();

  await db.schema
    .createTable("notifications")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("negotiation_id", "text", (c) => c.notNull().references("negotiations.id").onDelete("cascade"))
    .addColumn("thread_id", "text", (c) => c.notNull().references("threads.id").onDelete("cascade"))
    .addColumn("comment_id", "text", (c) => c.notNull().references("comments.id").onDelete("cascade"))
    .addColumn("created_at", "integer", (c) => c.notNull())
    .addColumn("read_at", "integer")
    .execute();
  await db.schema.createIndex("notifications_user").on("notifications").columns(["user_id", "read_at"]).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ["notifications", "comments", "threads"]) await db.schema.dropTable(t).execute();
}
