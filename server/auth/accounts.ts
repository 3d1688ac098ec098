import { z } from "zod";
import type { DB } from "../../db/connection";
import type { User } from "../../db/schema";
import { newId } from "../../shared/ids";
import { dummyPasswordHash, hashPassword, maxPasswordLength, minPasswordLength, verifyPassword } from "./passwords";
import { passwordAccepted, reservePasswordGuess } from "./loginRateLimit";
import { reserve } from "../rateLimits/ledger";
import { RateLimitedError, signupBudget } from "../rateLimits/budgets";
import { DomainError } from "../errors";
import { createSession, invalidateOtherSessions } from "./sessions";
import { emailTaken, insertUser, passwordHashOf, setPasswordHash, userByEmail, type PublicUser } from "../../db/queries/users";

export const emailSchema = z.string().trim().toLowerCase().max(254).email();
export const passwordSchema = z.string().min(minPasswordLength).max(maxPasswordLength);
export const nameSchema = z.string().trim().min(1).max(100);

/** A new session: what the login and sign-up forms put in the cookie. */
export type SignedIn = { token: string; expiresAt: number; user: PublicUser };

// `field` tells the sign-up form to show the refusal next to the email field.
const emailTakenError = () => new DomainError(409, "signup.error.emailTaken", { field: "email" });

/**
 * A new account. Every attempt from one address counts, taken emails too: the answer tells
 * whether an address has an account, so it is as much a guess as a sign-up.
 */
export async function signUp(db: DB, input: { name: string; email: string; password: string; ip: string }, signupsPerHour: number): Promise<SignedIn> {
  const budget = await reserve(db, [signupBudget(input.ip, signupsPerHour)]);
  if (!budget.ok) throw new RateLimitedError("signup.error.rateLimited", budget.retryAfterMs);
  if (await emailTaken(db, input.email)) throw emailTakenError();
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
    if (error instanceof Error && /UNIQUE/.test(error.message)) throw emailTakenError();
    throw error;
  }
  const session = await createSession(db, user.id);
  return { user: withoutHash(user), ...session };
}

/**
 * An unknown email and a wrong password get one refusal, after the same hashing work (a dummy
 * hash for an unknown email), so neither the answer nor its timing tells whether an account exists.
 */
export async function logIn(db: DB, input: { email: string; password: string; ip: string }): Promise<SignedIn> {
  const guess = await reservePasswordGuess(db, input.email, input.ip);
  if (!guess.ok) throw new RateLimitedError("login.error.rateLimited", guess.retryAfterMs);
  const user = await userByEmail(db, input.email);
  const valid = await verifyPassword(user?.password_hash ?? (await dummyPasswordHash()), input.password);
  if (!user || !valid) throw new DomainError(401, "login.error.invalid");
  await passwordAccepted(db, input.email, guess);
  const session = await createSession(db, user.id);
  return { user: withoutHash(user), ...session };
}

function withoutHash({ password_hash: _, ...user }: User): PublicUser {
  return user;
}

export async function changePassword(
  db: DB,
  input: { user: PublicUser; sessionId: string; currentPassword: string; newPassword: string; ip: string },
): Promise<void> {
  // Someone holding a stolen session could otherwise guess the password here without limit.
  const guess = await reservePasswordGuess(db, input.user.email, input.ip);
  if (!guess.ok) throw new RateLimitedError("login.error.rateLimited", guess.retryAfterMs);
  // 400, not 401: the session is fine, only what was typed is wrong (401 would mean "log in").
  if (!(await verifyPassword(await passwordHashOf(db, input.user.id), input.currentPassword))) throw new DomainError(400, "settings.password.wrongCurrent");
  await passwordAccepted(db, input.user.email, guess);
  await setPasswordHash(db, input.user.id, await hashPassword(input.newPassword));
  // Whoever knew the old password may still hold a session: end them all but this one.
  await invalidateOtherSessions(db, input.user.id, input.sessionId);
}
