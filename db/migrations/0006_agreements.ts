import { sql, type Kysely } from "kysely";

// Agreement is recorded beside the Y.Doc, never in it: the server computes every content hash
// from its own copy of the document, so a client cannot claim an agreement on text it changed.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable("negotiations")
    // 0 is the first negotiation; each amendment round after a sign-off counts up.
    .addColumn("round", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
  // Set while an effective agreement is in force and no amendment round is open: nobody edits.
  await db.schema.alterTable("negotiations").addColumn("frozen_at", "integer").execute();
  await db.schema.alterTable("negotiations").addColumn("review_due_at", "integer").execute();

  // Append-only: a party's current decision on a clause is its latest row.
  await db.schema
    .createTable("clause_agreements")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("negotiation_id", "text", (c) => c.notNull().references("negotiations.id").onDelete("cascade"))
    .addColumn("clause_id", "text", (c) => c.notNull())
    .addColumn("party", "text", (c) => c.notNull())
    .addColumn("decision", "text", (c) => c.notNull())
    .addColumn("content_hash", "text", (c) => c.notNull())
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("thread_id", "text", (c) => c.references("threads.id").onDelete("set null"))
    .addColumn("at", "integer", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("clause_agreements_clause").on("clause_agreements").columns(["negotiation_id", "clause_id", "party", "id"]).execute();

  await db.schema
    .createTable("versions")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("negotiation_id", "text", (c) => c.notNull().references("negotiations.id").onDelete("cascade"))
    .addColumn("number", "integer", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    // "named" (saved by a member) or "effective" (signed off by both parties)
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("round", "integer", (c) => c.notNull())
    .addColumn("created_by", "text", (c) => c.notNull().references("users.id"))
    .addColumn("created_at", "integer", (c) => c.notNull())
    .addColumn("content_json", "text", (c) => c.notNull())
    .addColumn("content_hash", "text", (c) => c.notNull())
    // The Yjs state at that moment: redlines replay later updates on top of it.
    .addColumn("ydoc_state", "blob", (c) => c.notNull())
    // Status per clause when the version was taken, so an old version exports with its statuses.
    .addColumn("status_json", "text", (c) => c.notNull())
    .addUniqueConstraint("versions_number", ["negotiation_id", "number"])
    .execute();

  await db.schema
    .createTable("signoffs")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("negotiation_id", "text", (c) => c.notNull().references("negotiations.id").onDelete("cascade"))
    .addColumn("round", "integer", (c) => c.notNull())
    .addColumn("party", "text", (c) => c.notNull())
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("content_hash", "text", (c) => c.notNull())
    .addColumn("at", "integer", (c) => c.notNull())
    .addColumn("version_id", "text", (c) => c.references("versions.id"))
    .execute();
  await db.schema.createIndex("signoffs_round").on("signoffs").columns(["negotiation_id", "round"]).execute();

  await db.schema
    .createTable("audit_log")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("negotiation_id", "text", (c) => c.notNull().references("negotiations.id").onDelete("cascade"))
    .addColumn("user_id", "text", (c) => c.references("users.id"))
    .addColumn("action", "text", (c) => c.notNull())
    .addColumn("detail_json", "text", (c) => c.notNull())
    .addColumn("at", "integer", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("audit_log_negotiation").on("audit_log").columns(["negotiation_id", "id"]).execute();
  // Append-only in the database itself, not just by convention.
  for (const event of ["UPDATE", "DELETE"]) {
    await sql
      .raw(`CREATE TRIGGER audit_log_no_${event.toLowerCase()} BEFORE ${event} ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END`)
      .execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const event of ["update", "delete"]) await sql.raw(`DROP TRIGGER audit_log_no_${event}`).execute(db);
  for (const t of ["audit_log", "signoffs", "versions", "clause_agreements"]) await db.schema.dropTable(t).execute();
  for (const c of ["review_due_at", "frozen_at", "round"]) await db.schema.alterTable("negotiations").dropColumn(c).execute();
}
