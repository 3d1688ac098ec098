import type { Kysely } from "kysely";
import type { PartyDecision, Decision } from "../../shared/agreements/clauseStatus";
import type { Party } from "../../shared/roles";
import type { Database } from "../schema";

type Db = Kysely<Database>;

/** Each party's latest decision per clause (older rows stay, for the record). */
export async function latestDecisionRows(db: Db, negotiationId: string): Promise<PartyDecision[]> {
  const rows = await db
    .selectFrom("clause_agreements as a")
    .innerJoin("users as u", "u.id", "a.user_id")
    .select(["a.clause_id", "a.party", "a.decision", "a.content_hash", "a.user_id", "u.name", "a.at", "a.thread_id", "a.reason"])
    .where("a.negotiation_id", "=", negotiationId)
    .where(({ eb, selectFrom }) =>
      eb(
        "a.id",
        "=",
        selectFrom("clause_agreements as b")
          .select((b) => b.fn.max("b.id").as("id"))
          .whereRef("b.negotiation_id", "=", "a.negotiation_id")
          .whereRef("b.clause_id", "=", "a.clause_id")
          .whereRef("b.party", "=", "a.party"),
      ),
    )
    .orderBy("a.id")
    .execute();
  return rows.map((r) => ({
    clauseId: r.clause_id,
    party: r.party as Party,
    decision: r.decision as Decision,
    hash: r.content_hash,
    userId: r.user_id,
    userName: r.name,
    at: r.at,
    threadId: r.thread_id,
    reason: r.reason,
  }));
}

export async function insertDecision(
  db: Db,
  row: { negotiationId: string; clauseId: string; party: Party; decision: Decision; hash: string; userId: string; threadId: string | null; reason: string | null; at: number },
) {
  await db
    .insertInto("clause_agreements")
    .values({
      negotiation_id: row.negotiationId,
      clause_id: row.clauseId,
      party: row.party,
      decision: row.decision,
      content_hash: row.hash,
      user_id: row.userId,
      thread_id: row.threadId,
      reason: row.reason,
      at: row.at,
    })
    .execute();
}

export interface SignoffRow {
  party: Party;
  userId: string;
  userName: string;
  hash: string;
  at: number;
}

/** The latest sign-off of each party in a round. */
export async function roundSignoffs(db: Db, negotiationId: string, round: number): Promise<SignoffRow[]> {
  const rows = await db
    .selectFrom("signoffs as s")
    .innerJoin("users as u", "u.id", "s.user_id")
    .select(["s.party", "s.user_id", "u.name", "s.content_hash", "s.at", "s.id"])
    .where("s.negotiation_id", "=", negotiationId)
    .where("s.round", "=", round)
    .orderBy("s.id", "desc")
    .execute();
  const latest = new Map<string, SignoffRow>();
  for (const r of rows) {
    if (!latest.has(r.party)) latest.set(r.party, { party: r.party as Party, userId: r.user_id, userName: r.name, hash: r.content_hash, at: r.at });
  }
  return [...latest.values()];
}
