import type { DB } from "../connection";

export async function unreadCounts(db: DB, userId: string): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom("notifications")
    .select(["negotiation_id", (eb) => eb.fn.countAll<number>().as("n")])
    .where("user_id", "=", userId)
    .where("read_at", "is", null)
    .groupBy("negotiation_id")
    .execute();
  return new Map(rows.map((r) => [r.negotiation_id, Number(r.n)]));
}

export async function listNotifications(db: DB, userId: string) {
  return db
    .selectFrom("notifications as n")
    .innerJoin("comments as c", "c.id", "n.comment_id")
    .innerJoin("users as u", "u.id", "c.author_id")
    .innerJoin("threads as t", "t.id", "n.thread_id")
    .innerJoin("negotiations as g", "g.id", "n.negotiation_id")
    .select(["n.id", "n.created_at", "n.read_at", "u.name as author", "c.body", "c.deleted_at", "t.clause_id", "g.id as negotiation_id", "g.title"])
    .where("n.user_id", "=", userId)
    .orderBy("n.id", "desc")
    .limit(100)
    .execute();
}

export async function markAllRead(db: DB, userId: string): Promise<void> {
  await db.updateTable("notifications").set({ read_at: Date.now() }).where("user_id", "=", userId).where("read_at", "is", null).execute();
}

/** Following a notification's link to a clause counts as reading what was said there. */
export async function markClauseRead(db: DB, userId: string, negotiationId: string, clauseId: string): Promise<void> {
  await db
    .updateTable("notifications")
    .set({ read_at: Date.now() })
    .where("user_id", "=", userId)
    .where("negotiation_id", "=", negotiationId)
    .where("read_at", "is", null)
    .where("thread_id", "in", (eb) => eb.selectFrom("threads").select("threads.id").where("threads.clause_id", "=", clauseId))
    .execute();
}
