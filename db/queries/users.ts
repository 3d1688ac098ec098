import type { DB } from "../connection";
import type { NewUser, User } from "../schema";

/**
 * A user as every loader, action and socket may see them: without the password hash, which only
 * logging in and changing the password read, each for itself.
 */
export type PublicUser = Omit<User, "password_hash">;

export const publicUserColumns = ["users.id", "users.email", "users.name", "users.locale", "users.created_at"] as const;

export async function insertUser(db: DB, user: NewUser): Promise<void> {
  await db.insertInto("users").values(user).execute();
}

export async function userByEmail(db: DB, email: string): Promise<User | undefined> {
  return db.selectFrom("users").selectAll().where("email", "=", email).executeTakeFirst();
}

export async function emailTaken(db: DB, email: string): Promise<boolean> {
  return (await db.selectFrom("users").select("id").where("email", "=", email).executeTakeFirst()) !== undefined;
}

/** Whether anyone has an account yet: the demo seeds only an empty database. */
export async function anyUserExists(db: DB): Promise<boolean> {
  return (await db.selectFrom("users").select("id").limit(1).executeTakeFirst()) !== undefined;
}

export async function userName(db: DB, userId: string): Promise<string | undefined> {
  return (await db.selectFrom("users").select("name").where("id", "=", userId).executeTakeFirst())?.name;
}

export async function userNames(db: DB, userIds: string[]): Promise<Map<string, string>> {
  const rows = await db.selectFrom("users").select(["id", "name"]).where("id", "in", userIds).execute();
  return new Map(rows.map((u) => [u.id, u.name]));
}

/** Names of users, with their role in the negotiation where they (still) have one. */
export async function namesWithRoles(db: DB, negotiationId: string, userIds: string[]) {
  return db
    .selectFrom("users as u")
    .leftJoin("negotiation_members as m", (join) => join.onRef("m.user_id", "=", "u.id").on("m.negotiation_id", "=", negotiationId))
    .select(["u.id", "u.name", "m.role"])
    .where("u.id", "in", userIds)
    .execute();
}

/** Only logging in and changing the password read the hash; sessions carry PublicUser. */
export async function passwordHashOf(db: DB, userId: string): Promise<string> {
  const { password_hash } = await db.selectFrom("users").select("password_hash").where("id", "=", userId).executeTakeFirstOrThrow();
  return password_hash;
}

export async function setPasswordHash(db: DB, userId: string, passwordHash: string): Promise<void> {
  await db.updateTable("users").set({ password_hash: passwordHash }).where("id", "=", userId).execute();
}

export async function setUserLocale(db: DB, userId: string, locale: string): Promise<void> {
  await db.updateTable("users").set({ locale }).where("id", "=", userId).execute();
}
