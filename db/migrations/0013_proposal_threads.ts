import { sql, type Kysely } from "kysely";

// A thread may be about one proposal (issue #14): it stays on the proposal's clause, so it reads
// with the clause's other threads, and knows which proposal it discusses. One thread per proposal
// and audience (shared, or one party's internal notes): a second start becomes a reply, so two
// people pressing "Discuss" at once still end up in one conversation. No REFERENCES clause: the
// server checks the proposal belongs to the negotiation, and SQLite could not drop such a column.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("threads").addColumn("proposal_id", "text").execute();
  await sql`create unique index threads_proposal on threads (proposal_id, visibility, ifnull(party, '')) where proposal_id is not null`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex("threads_proposal").execute();
  await db.schema.alterTable("threads").dropColumn("proposal_id").execute();
}
