import type { User } from "../../db/schema";

/**
 * A user as every loader, action and socket may see them: without the password hash, which only
 * logging in and changing the password read, each for itself.
 */
export type PublicUser = Omit<User, "password_hash">;

export const publicUserColumns = ["users.id", "users.email", "users.name", "users.locale", "users.created_at"] as const;
