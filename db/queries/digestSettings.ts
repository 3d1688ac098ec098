import type { DB } from "../connection";

/** Whether the user gets digests: yes unless they turned it off (no row: on). */
export async function digestEnabled(db: DB, userId: string): Promise<boolean> {
  const row = await db.selectFrom("digest_settings").select("enabled").where("user_id", "=", userId).executeTakeFirst();
  return row ? row.enabled === 1 : true;
}

export async function setDigestEnabled(db: DB, userId: string, enabled: boolean): Promise<void> {
  await db
    .insertInto("digest_settings")
    .values({ user_id: userId, enabled: enabled ? 1 : 0, last_sent_at: null })
    .onConflict((oc) => oc.column("user_id").doUpdateSet({ enabled: enabled ? 1 : 0 }))
    .execute();
}

/**
 * Users due a digest: digests on, none sent within the interval, and an unread notification newer
 * than their last digest. `since` is that last digest (0: never).
 */
export async function usersDueDigest(db: DB, now: number, intervalMs: number): Promise<{ id: string; email: string; locale: string | null; since: number }[]> {
  const rows = await db
    .selectFrom("users as u")
    .leftJoin("digest_settings as d", "d.user_id", "u.id")
    .select(["u.id", "u.email", "u.locale", "d.last_sent_at"])
    .where((eb) => eb.or([eb("d.enabled", "is", null), eb("d.enabled", "=", 1)]))
    .where((eb) => eb.or([eb("d.last_sent_at", "is", null), eb("d.last_sent_at", "<=", now - intervalMs)]))
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom("notifications as n")
          .select("n.id")
          .whereRef("n.user_id", "=", "u.id")
          .where("n.read_at", "is", null)
          .where((w) => w("n.created_at", ">", w.fn.coalesce("d.last_sent_at", w.val(0)))),
      ),
    )
    .execute();
  return rows.map((r) => ({ id: r.id, email: r.email, locale: r.locale, since: r.last_sent_at ?? 0 }));
}

export async function markDigestSent(db: DB, userId: string, at: number): Promise<void> {
  await db
    .insertInto("digest_settings")
    .values({ user_id: userId, enabled: 1, last_sent_at: at })
    .onConflict((oc) => oc.column("user_id").doUpdateSet({ last_sent_at: at }))
    .execute();
}
