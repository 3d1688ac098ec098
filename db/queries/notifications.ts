import { sql, type ExpressionBuilder } from "kysely";
import type { DB } from "../connection";
import type { Database } from "../schema";
import type { Role } from "../../shared/roles";

type Joined = Database & { n: Database["notifications"]; t: Database["threads"]; m: Database["negotiation_members"] };

/**
 * A notification counts only while its reader is still a member who may see the thread: the rule
 * of canSeeThread (shared/threads.ts), in SQL. A party's role name is its party's name, and
 * advisors and observers have no party, so `t.party = m.role` is "an internal thread of my party".
 * An activity entry about no thread is about the whole negotiation, which every member sees.
 */
function stillVisible(eb: ExpressionBuilder<Joined, "n" | "t" | "m">) {
  return eb.or([eb("n.thread_id", "is", null), eb("t.visibility", "=", "shared"), eb("t.party", "=", eb.ref("m.role"))]);
}

function visibleNotifications(db: DB, userId: string) {
  return db
    .selectFrom("notifications as n")
    .leftJoin("threads as t", (join) => join.onRef("t.id", "=", "n.thread_id").onRef("t.negotiation_id", "=", "n.negotiation_id"))
    .innerJoin("negotiation_members as m", (join) => join.onRef("m.negotiation_id", "=", "n.negotiation_id").onRef("m.user_id", "=", "n.user_id"))
    .where("n.user_id", "=", userId)
    .where(stillVisible);
}

/**
 * Notifies each of these users: of a mention (a comment names them) or of a move recorded as an
 * audit entry (which names its thread and comment when it was one).
 */
export async function insertNotifications(
  db: DB,
  userIds: string[],
  about: { kind: "mention" | "activity"; negotiationId: string; auditId?: number; threadId: string | null; commentId: string | null; at: number },
): Promise<void> {
  if (userIds.length === 0) return;
  await db
    .insertInto("notifications")
    .values(
      userIds.map((userId) => ({
        user_id: userId,
        kind: about.kind,
        negotiation_id: about.negotiationId,
        audit_id: about.auditId ?? null,
        thread_id: about.threadId,
        comment_id: about.commentId,
        created_at: about.at,
        read_at: null,
      })),
    )
    .execute();
}

export async function unreadCounts(db: DB, userId: string): Promise<Map<string, number>> {
  const rows = await visibleNotifications(db, userId)
    .select(["n.negotiation_id", (eb) => eb.fn.countAll<number>().as("count")])
    .where("n.read_at", "is", null)
    .groupBy("n.negotiation_id")
    .execute();
  return new Map(rows.map((r) => [r.negotiation_id, Number(r.count)]));
}

export async function listNotifications(db: DB, userId: string, options: { unreadSince?: number; limit?: number } = {}) {
  let query = visibleNotifications(db, userId)
    .leftJoin("comments as c", "c.id", "n.comment_id")
    .leftJoin("audit_log as a", "a.id", "n.audit_id")
    .leftJoin("users as u", (join) => join.on((eb) => eb("u.id", "=", eb.fn.coalesce("c.author_id", "a.user_id"))))
    .innerJoin("negotiations as g", "g.id", "n.negotiation_id")
    .select([
      "n.id",
      "n.kind",
      "n.created_at",
      "n.read_at",
      "u.name as author",
      "c.body",
      "c.deleted_at",
      "a.action",
      "a.detail_json",
      "t.clause_id",
      "n.thread_id",
      "g.id as negotiation_id",
      "g.title",
    ]);
  if (options.unreadSince !== undefined) query = query.where("n.read_at", "is", null).where("n.created_at", ">", options.unreadSince);
  return query
    .orderBy("n.id", "desc")
    .limit(options.limit ?? 100)
    .execute();
}

/** Marks the user's notifications read: these ids only, or all of them. */
export async function markRead(db: DB, userId: string, ids?: number[]): Promise<void> {
  if (ids?.length === 0) return;
  let query = db.updateTable("notifications").set({ read_at: Date.now() }).where("user_id", "=", userId).where("read_at", "is", null);
  if (ids) query = query.where("id", "in", ids);
  await query.execute();
}

/** Following a notification's link to a clause counts as reading what was said there. */
export async function markClauseRead(db: DB, userId: string, negotiationId: string, clauseId: string): Promise<void> {
  await db
    .updateTable("notifications")
    .set({ read_at: Date.now() })
    .where("user_id", "=", userId)
    .where("negotiation_id", "=", negotiationId)
    .where("read_at", "is", null)
    .where((eb) =>
      eb.or([
        eb("thread_id", "in", eb.selectFrom("threads").select("threads.id").where("threads.clause_id", "=", clauseId)),
        eb(
          "audit_id",
          "in",
          eb
            .selectFrom("audit_log")
            .select("audit_log.id")
            .where(sql<string>`json_extract(detail_json, '$.clauseId')`, "=", clauseId),
        ),
      ]),
    )
    .execute();
}

/**
 * After a role change: the notifications of threads the member can no longer see go, so they
 * cannot come back should the rule at read time ever change. `role` is the new role.
 */
export async function dropNotificationsOutOfSight(db: DB, negotiationId: string, userId: string, role: Role): Promise<void> {
  await db
    .deleteFrom("notifications")
    .where("negotiation_id", "=", negotiationId)
    .where("user_id", "=", userId)
    .where("thread_id", "in", (eb) =>
      eb
        .selectFrom("threads")
        .select("threads.id")
        .where("threads.negotiation_id", "=", negotiationId)
        .where("threads.visibility", "!=", "shared")
        .where((w) => w.or([w("threads.party", "is", null), w("threads.party", "!=", role)])),
    )
    .execute();
}

/** A member who leaves or is removed takes nothing of the negotiation's threads along. */
export async function dropNotificationsOfMember(db: DB, negotiationId: string, userId: string): Promise<void> {
  await db.deleteFrom("notifications").where("negotiation_id", "=", negotiationId).where("user_id", "=", userId).execute();
}
