import type { DB } from "../../db/connection";
import { forget, release, reserve, type Budget, type Reservation } from "../rateLimits/ledger";

// Attempts are counted in SQLite, not in memory, so a restart does not reset an attacker's budget.
export const loginRateLimit = {
  windowMs: 15 * 60 * 1000,
  maxFailuresPerEmail: 10,
  // One office behind one NAT address shares this budget, so it is wider than the per-email one.
  maxFailuresPerIp: 50,
};

const emailSubject = (email: string) => `email:${email}`;

function passwordBudgets(email: string, ip: string): Budget[] {
  return [
    { subject: emailSubject(email), max: loginRateLimit.maxFailuresPerEmail, windowMs: loginRateLimit.windowMs },
    { subject: `ip:${ip}`, max: loginRateLimit.maxFailuresPerIp, windowMs: loginRateLimit.windowMs },
  ];
}

/**
 * Counts a password guess as a failure before the password is checked: the login form and the
 * password change in settings share one budget per account and one per client address. A wrong
 * guess keeps its count; a right one gives it back (passwordAccepted).
 */
export function reservePasswordGuess(db: DB, email: string, ip: string, now = Date.now()): Promise<Reservation> {
  return reserve(db, passwordBudgets(email, ip), now);
}

/** The right password: the account's failures are forgotten and this guess is not counted. */
export async function passwordAccepted(db: DB, email: string, reservation: { ids: number[] }): Promise<void> {
  await release(db, reservation.ids);
  await forget(db, emailSubject(email));
}
