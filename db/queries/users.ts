import type { DB } from "../connection";
import type { NewUser, User } from "../schema";

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

export async function setPasswordHash(db: DB, userId: string, passwordHash: string): Promise<void> {
  await db.updateTable("users").set({ password_hash: passwordHash }).where("id", "=", userId).execute();
}

export async function setUserLocale(db: DB, userId: string, locale: string): Promise<void> {
  await db.updateTable("users").set({ locale }).where("id", "=", userId).execute();
}
