import type { Kysely } from "kysely";

// Who attended a live session, and when (decision 036): one row per stretch a member had the
// negotiation or the session open, or moderated, so the minutes can say for how long each attended.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("session_attendance")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("session_id", "text", (c) => c.notNull().references("moderated_sessions.id").onDelete("cascade"))
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id"))
    // "connection" (the negotiation open), "page" (the session's page read) or "moderating"
    .addColumn("via", "text", (c) => c.notNull())
    .addColumn("from_at", "integer", (c) => c.notNull())
    // null while the member is still connected
    .addColumn("to_at", "integer")
    .execute();
  await db.schema.createIndex("session_attendance_session").on("session_attendance").columns(["session_id", "user_id"]).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("session_attendance").execute();
}
