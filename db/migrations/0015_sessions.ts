import type { Kysely } from "kysely";

// Moderated sessions (decision 032): a meeting of the negotiation with its agenda, what was
// recorded per item, the actions it gave out and its published minutes. Minutes are never updated:
// a correction is a new revision row.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable("negotiations")
    .addColumn("sessions_advisors_only", "integer", (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createTable("moderated_sessions")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("negotiation_id", "text", (c) => c.notNull().references("negotiations.id").onDelete("cascade"))
    .addColumn("planned_at", "integer", (c) => c.notNull())
    .addColumn("moderator_id", "text", (c) => c.notNull().references("users.id"))
    // "planned", "live" or "ended"
    .addColumn("state", "text", (c) => c.notNull().defaultTo("planned"))
    .addColumn("current_item_id", "text")
    .addColumn("created_by", "text", (c) => c.notNull().references("users.id"))
    .addColumn("created_at", "integer", (c) => c.notNull())
    .addColumn("started_at", "integer")
    .addColumn("ended_at", "integer")
    .execute();
  await db.schema.createIndex("moderated_sessions_negotiation").on("moderated_sessions").columns(["negotiation_id", "planned_at"]).execute();
  await db.schema
    .createTable("session_items")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("session_id", "text", (c) => c.notNull().references("moderated_sessions.id").onDelete("cascade"))
    .addColumn("position", "integer", (c) => c.notNull())
    // "clause" (clause_id set) or "topic"
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("clause_id", "text")
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("time_box_minutes", "integer")
    // null until recorded: "agreed", "change_needed", "parked" or "out_of_scope"
    .addColumn("outcome", "text")
    .addColumn("decision", "text")
    .execute();
  await db.schema.createIndex("session_items_session").on("session_items").columns(["session_id", "position"]).execute();
  await db.schema
    .createTable("session_actions")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("session_id", "text", (c) => c.notNull().references("moderated_sessions.id").onDelete("cascade"))
    .addColumn("item_id", "text", (c) => c.notNull().references("session_items.id").onDelete("cascade"))
    .addColumn("assignee_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("what", "text", (c) => c.notNull())
    // A calendar day, YYYY-MM-DD
    .addColumn("due_date", "text")
    .addColumn("created_by", "text", (c) => c.notNull().references("users.id"))
    .addColumn("created_at", "integer", (c) => c.notNull())
    .addColumn("done_at", "integer")
    .addColumn("done_by", "text", (c) => c.references("users.id"))
    .execute();
  await db.schema.createIndex("session_actions_assignee").on("session_actions").columns(["assignee_id", "done_at"]).execute();
  await db.schema
    .createTable("session_minutes")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("session_id", "text", (c) => c.notNull().references("moderated_sessions.id").onDelete("cascade"))
    .addColumn("revision", "integer", (c) => c.notNull())
    .addColumn("content_json", "text", (c) => c.notNull())
    .addColumn("note", "text")
    .addColumn("published_by", "text", (c) => c.notNull().references("users.id"))
    .addColumn("published_at", "integer", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("session_minutes_revision").unique().on("session_minutes").columns(["session_id", "revision"]).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("session_minutes").execute();
  await db.schema.dropTable("session_actions").execute();
  await db.schema.dropTable("session_items").execute();
  await db.schema.dropTable("moderated_sessions").execute();
  await db.schema.alterTable("negotiations").dropColumn("sessions_advisors_only").execute();
}
