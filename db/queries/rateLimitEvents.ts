import type { DB } from "../connection";

/** Forgets a subject's attempts at or before `until`: they no longer count. */
export async function pruneEvents(db: DB, subject: string, until: number): Promise<void> {
  await db.deleteFrom("rate_limit_events").where("subject", "=", subject).where("at", "<=", until).execute();
}

/** When the latest `limit` attempts of a subject were made, newest first. */
export async function latestEventTimes(db: DB, subject: string, limit: number): Promise<number[]> {
  const rows = await db.selectFrom("rate_limit_events").select("at").where("subject", "=", subject).orderBy("at", "desc").limit(limit).execute();
  return rows.map((r) => r.at);
}

/** One attempt per subject at `at`; returns the new rows' ids. */
export async function insertEvents(db: DB, subjects: string[], at: number): Promise<number[]> {
  const rows = await db
    .insertInto("rate_limit_events")
    .values(subjects.map((subject) => ({ subject, at })))
    .returning("id")
    .execute();
  return rows.map((r) => r.id);
}

export async function deleteEvents(db: DB, ids: number[]): Promise<void> {
  await db.deleteFrom("rate_limit_events").where("id", "in", ids).execute();
}

export async function deleteEventsOf(db: DB, subject: string): Promise<void> {
  await db.deleteFrom("rate_limit_events").where("subject", "=", subject).execute();
}
