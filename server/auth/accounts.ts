import { z } from "zod";
import type { DB } from "../../db/connection";
import type { User } from "../../db/schema";
import { newId } from "../../shared/ids";
import { dummyPasswordHash, hashPassword, maxPasswordLength, minPasswordLength, verifyPassword } from "./passwords";
import { passwordAccepted, reservePasswordGuess } from "./loginRateLimit";
import { reserve } from "../rateLimits/ledger";
import { signupBudget } from "../rateLimits/budgets";
import { createSession, invalidateOtherSessions } from "./sessions";
import { emailTaken, insertUser, passwordHashOf, setPasswordHash, userByEmail, type PublicUser } from "../../db/queries/users";

export const emailSchema = z.string().trim().toLowerCase().max(254).email();
export const passwordSchema = z.string().min(minPasswordLength).max(maxPasswordLength);
export const nameSchema = z.string().trim().min(1).max(100);

export type SignUpResult =
  | { ok: true; token: string; expiresAt: number; user: PublicUser }
  | { ok: false; error: "emailTaken" }
  | { ok: false; error: "rateLimited"; retryAfterMs: number };

/**
 * A new account. Every attempt from one address counts, taken emails too: the answer tells
 * whether an address has an account, so it is as much a guess as a sign-up.
 */
export async function signUp(db: DB, input: { name: string; email: string; password: string; ip: string }, signupsPerHour: number): Promise<SignUpResult> {
  const budget = await reserve(db, [signupBudget(input.ip, signupsPerHour)]);
  if (!budget.ok) return { ok: false, error: "rateLimited", retryAfterMs: budget.retryAfterMs };
  if (await emailTaken(db, input.email)) return { ok: false, error: "emailTaken" };
  const user: User = {
    id: newId(),
    email: input.email,
    name: input.name,
    password_hash: await hashPassword(input.password),
    locale: null,
    created_at: Date.now(),
  };
  try {
    await insertUser(db, user);
  } catch (error) {
    // Two sign-ups racing for one address: the unique index decides.
    if (error instanceof Error && /UNIQUE/.test(error.message)) return { ok: false, error: "emailTaken" };
    throw error;
  }
  const session = await createSession(db, user.id);
  return { ok: true, user: withoutHash(user), ...session };
}

export type LogInResult =
  | { ok: true; token: string; expiresAt: number; user: PublicUser }
  | { ok: false; error: "invalid" }
  | { ok: false; error: "rateLimited"; retryAfterMs: number };

export async function logIn(db: DB, input: { email: string; password: string; ip: string }): Promise<LogInResult> {
  const guess = await reservePasswordGuess(db, input.email, input.ip);
  if (!guess.ok) return { ok: false, error: "rateLimited", retryAfterMs: guess.retryAfterMs };
  const user = await userByEmail(db, input.email);
  const valid = await verifyPassword(user?.password_hash ?? (await dummyPasswordHash()), input.password);
  if (!user || !valid) return { ok: false, error: "invalid" };
  await passwordAccepted(db, input.email, guess);
  const session = await createSession(db, user.id);
  return { ok: true, user: withoutHash(user), ...session };
}

function withoutHash({ password_hash: _, ...user }: User): PublicUser {
  return user;
}

export async function changePassword(
  db: DB,
  input: { user: PublicUser; sessionId: string; currentPassword: string; newPassword: string; ip: string },
): Promise<{ ok: true } | { ok: false; error: "wrongCurrent" } | { ok: false; error: "rateLimited"; retryAfterMs: number }> {
  // Someone holding a stolen session could otherwise guess the password here without limit.
  const guess = await reservePasswordGuess(db, input.user.email, input.ip);
  if (!guess.ok) return { ok: false, error: "rateLimited", retryAfterMs: guess.retryAfterMs };
  if (!(await verifyPassword(await passwordHashOf(db, input.user.id), input.currentPassword))) return { ok: false, error: "wrongCurrent" };
  await passwordAccepted(db, input.user.email, guess);
  await setPasswordHash(db, input.user.id, await hashPassword(input.newPassword));
  // Whoever knew the old password may still hold a session: end them all but this one.
  await invalidateOtherSessions(db, input.user.id, input.sessionId);
  return { ok: true };
}
