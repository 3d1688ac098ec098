import type { PartyDecision, Decision } from "../../shared/agreements/clauseStatus";
import type { Party } from "../../shared/roles";
import type { DB } from "../connection";

/** Each party's latest decision per clause (older rows stay, for the record). */
export async function latestDecisionRows(db: DB, negotiationId: string): Promise<PartyDecision[]> {
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
  db: DB,
  row: {
    negotiationId: string;
    clauseId: string;
    party: Party;
    decision: Decision;
    hash: string;
    userId: string;
    threadId: string | null;
    reason: string | null;
    at: number;
  },
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
