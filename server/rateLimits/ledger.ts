import type { DB } from "../../db/connection";
import { deleteEvents, deleteEventsOf, insertEvents, latestEventTimes, pruneEvents } from "../../db/queries/rateLimitEvents";

/** At most `max` counted attempts per `windowMs` for one subject ("<budget>:<key>"). */
export interface Budget {
  subject: string;
  max: number;
  windowMs: number;
}

export type Reservation = { ok: true; ids: number[] } | { ok: false; retryAfterMs: number };

/**
 * Counts one attempt against every budget, or against none when any is spent. Counting comes
 * first and the work (a password check, a new account) after: concurrent requests cannot all
 * read "one left" before any of them writes. The transaction holds Kysely's only connection, so
 * no other query runs between the count and the insert.
 */
export async function reserve(db: DB, budgets: Budget[], now = Date.now()): Promise<Reservation> {
  return db.transaction().execute(async (trx) => {
    let retryAfterMs = 0;
    for (const budget of budgets) {
      await pruneEvents(trx, budget.subject, now - budget.windowMs);
      const recent = await latestEventTimes(trx, budget.subject, budget.max);
      // The oldest of the last `max` attempts leaving the window frees one.
      if (recent.length >= budget.max) retryAfterMs = Math.max(retryAfterMs, recent[budget.max - 1]! + budget.windowMs - now, 1);
    }
    if (retryAfterMs > 0) return { ok: false as const, retryAfterMs };
    return {
      ok: true as const,
      ids: await insertEvents(
        trx,
        budgets.map((b) => b.subject),
        now,
      ),
    };
  });
}

/** Gives reserved attempts back, e.g. once a password turned out to be right. */
export async function release(db: DB, ids: number[]): Promise<void> {
  if (ids.length) await deleteEvents(db, ids);
}

/** Forgets every attempt of one subject, e.g. an account's failures after a successful login. */
export async function forget(db: DB, subject: string): Promise<void> {
  await deleteEventsOf(db, subject);
}
