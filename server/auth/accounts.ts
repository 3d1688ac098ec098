import { z } from "zod";
import type { DB } from "../../db/connection";
import type { User } from "../../db/schema";
import { newId } from "../../shared/ids";
import { dummyPasswordHash, hashPassword, maxPasswordLength, minPasswordLength, verifyPassword } from "./passwords";
import { clearLoginFailures, loginRetryAfterMs, recordLoginFailure } from "./loginRateLimit";
import { createSession, invalidateOtherSessions } from "./sessions";

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .email();
export const passwordSchema = z.string().min(minPasswordLength).max(maxPasswordLength);
export const nameSchema = z.string().trim().min(1).max(100);

export type SignUpResult = { ok: true; token: string; expiresAt: number; user: User } | { ok: false; error: "emailTaken" };

export async function signUp(db: DB, input: { name: string; email: string; password: string }): Promise<SignUpResult> {
  const existing = await db.selectFrom("users").select("id").where("email", "=", input.email).executeTakeFirst();
  if (existing) return { ok: false, error: "emailTaken" };
  const user: User = {
    id: newId(),
    email: input.email,
    name: input.name,
    password_hash: await hashPassword(input.password),
    locale: null,
    created_at: Date.now(),
  };
  try {
    await db.insertInto("users").values(user).execute();
  } catch (error) {
    // Two sign-ups racing for one address: the unique index decides.
    if (error instanceof Error && /UNIQUE/.test(error.message)) return { ok: false, error: "emailTaken" };
    throw error;
  }
  const session = await createSession(db, user.id);
  return { ok: true, user, ...session };
}

export type LogInResult =
  | { ok: true; token: string; expiresAt: number; user: User }
  | { ok: false; error: "invalid" }
  | { ok: false; error: "rateLimited"; retryAfterMs: number };

export async function logIn(db: DB, input: { email: string; password: string; ip: string }): Promise<LogInResult> {
  const retryAfterMs = await loginRetryAfterMs(db, input.email, input.ip);
  if (retryAfterMs > 0) return { ok: false, error: "rateLimited", retryAfterMs };
  const user = await db.selectFrom("users").selectAll().where("email", "=", input.email).executeTakeFirst();
  const valid = await verifyPassword(user?.password_hash ?? (await dummyPasswordHash()), input.password);
  if (!user || !valid) {
    await recordLoginFailure(db, input.email, input.ip);
    return { ok: false, error: "invalid" };
  }
  await clearLoginFailures(db, input.email);
  const session = await createSession(db, user.id);
  return { ok: true, user, ...session };
}

export async function changePassword(
  db: DB,
  input: { user: User; sessionId: string; currentPassword: string; newPassword: string },
): Promise<{ ok: true } | { ok: false; error: "wrongCurrent" }> {
  if (!(await verifyPassword(input.user.password_hash, input.currentPassword))) return { ok: false, error: "wrongCurrent" };
  await db
    .updateTable("users")
    .set({ password_hash: await hashPassword(input.newPassword) })
    .where("id", "=", input.user.id)
    .execute();
  // Whoever knew the old password may still hold a session: end them all but this one.
  await invalidateOtherSessions(db, input.user.id, input.sessionId);
  return { ok: true };
}
