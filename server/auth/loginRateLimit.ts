import type { DB } from "../../db/connection";

// Failures are counted in SQLite, not in memory, so a restart does not reset an attacker's budget.
export const loginRateLimit = {
  windowMs: 15 * 60 * 1000,
  maxFailuresPerEmail: 10,
  // One office behind one NAT address shares this budget, so it is wider than the per-email one.
  maxFailuresPerIp: 50,
};

const emailSubject = (email: string) => `email:${email}`;
const ipSubject = (ip: string) => `ip:${ip}`;

/** Milliseconds until the caller may try again, or 0 when not limited. */
export async function loginRetryAfterMs(db: DB, email: string, ip: string, now = Date.now()): Promise<number> {
  const since = now - loginRateLimit.windowMs;
  const waits = await Promise.all(
    [
      [emailSubject(email), loginRateLimit.maxFailuresPerEmail] as const,
      [ipSubject(ip), loginRateLimit.maxFailuresPerIp] as const,
    ].map(async ([subject, max]) => {
      const rows = await db
        .selectFrom("login_failures")
        .select("at")
        .where("subject", "=", subject)
        .where("at", ">", since)
        .orderBy("at", "desc")
        .limit(max)
        .execute();
      if (rows.length < max) return 0;
      // The oldest of the last `max` failures leaving the window frees one attempt.
      return rows[max - 1]!.at + loginRateLimit.windowMs - now;
    }),
  );
  return Math.max(0, ...waits);
}

export async function recordLoginFailure(db: DB, email: string, ip: string, now = Date.now()): Promise<void> {
  await db
    .insertInto("login_failures")
    .values([
      { subject: emailSubject(email), at: now },
      { subject: ipSubject(ip), at: now },
    ])
    .execute();
  await db.deleteFrom("login_failures").where("at", "<", now - loginRateLimit.windowMs).execute();
}

export async function clearLoginFailures(db: DB, email: string): Promise<void> {
  await db.deleteFrom("login_failures").where("subject", "=", emailSubject(email)).execute();
}
