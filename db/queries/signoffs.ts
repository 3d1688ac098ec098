import type { DB } from "../connection";
import type { Party } from "../../shared/roles";

export interface SignoffRow {
  id: number;
  party: Party;
  userId: string;
  userName: string;
  hash: string;
  at: number;
}

/** The latest sign-off of each party in a round. */
export async function roundSignoffs(db: DB, negotiationId: string, round: number): Promise<SignoffRow[]> {
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
    if (!latest.has(r.party)) latest.set(r.party, { id: r.id, party: r.party as Party, userId: r.user_id, userName: r.name, hash: r.content_hash, at: r.at });
  }
  return [...latest.values()];
}

export async function insertSignoff(
  db: DB,
  row: { negotiationId: string; round: number; party: Party; userId: string; hash: string; at: number },
): Promise<void> {
  await db
    .insertInto("signoffs")
    .values({
      negotiation_id: row.negotiationId,
      round: row.round,
      party: row.party,
      user_id: row.userId,
      content_hash: row.hash,
      at: row.at,
      version_id: null,
    })
    .execute();
}

/** The round's sign-offs of the text that became `versionId` belong to that version. */
export async function linkSignoffsToVersion(db: DB, negotiationId: string, round: number, hash: string, versionId: string): Promise<void> {
  await db
    .updateTable("signoffs")
    .set({ version_id: versionId })
    .where("negotiation_id", "=", negotiationId)
    .where("round", "=", round)
    .where("content_hash", "=", hash)
    .execute();
}

/** The sign-offs that made each of these versions effective, oldest first. */
export async function signoffsOfVersions(db: DB, versionIds: string[]) {
  return db
    .selectFrom("signoffs as s")
    .innerJoin("users as u", "u.id", "s.user_id")
    .select(["s.version_id", "s.party", "u.name", "s.at"])
    .where("s.version_id", "in", versionIds)
    .orderBy("s.at")
    .execute();
}
