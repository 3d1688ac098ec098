import type { Kysely } from "kysely";

// Login failures were the first budget; sign-ups, password guesses and new negotiations now share
// the same ledger, so the table gets a name that says what it holds.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex("login_failures_subject_at").execute();
  await db.schema.alterTable("login_failures").renameTo("rate_limit_events").execute();
  await db.schema.createIndex("rate_limit_events_subject_at").on("rate_limit_events").columns(["subject", "at"]).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex("rate_limit_events_subject_at").execute();
  await db.schema.alterTable("rate_limit_events").renameTo("login_failures").execute();
  await db.schema.createIndex("login_failures_subject_at").on("login_failures").columns(["subject", "at"]).execute();
}
