import type { Insertable } from "kysely";
import type { DB } from "../connection";
import type { VersionsTable } from "../schema";

/** The highest version number so far; 0 before the first. */
export async function lastVersionNumber(db: DB, negotiationId: string): Promise<number> {
  const last = await db
    .selectFrom("versions")
    .select((eb) => eb.fn.max("number").as("n"))
    .where("negotiation_id", "=", negotiationId)
    .executeTakeFirst();
  return Number(last?.n ?? 0);
}

export async function insertVersionRow(db: DB, row: Insertable<VersionsTable>): Promise<void> {
  await db.insertInto("versions").values(row).execute();
}

/** Every version with its author's name, newest first; without the stored document. */
export async function versionRows(db: DB, negotiationId: string) {
  return db
    .selectFrom("versions as v")
    .innerJoin("users as u", "u.id", "v.created_by")
    .select(["v.id", "v.number", "v.name", "v.kind", "v.round", "u.name as createdBy", "v.created_at", "v.content_hash"])
    .where("v.negotiation_id", "=", negotiationId)
    .orderBy("v.number", "desc")
    .execute();
}

export async function versionRow(db: DB, negotiationId: string, versionId: string) {
  return db.selectFrom("versions").selectAll().where("negotiation_id", "=", negotiationId).where("id", "=", versionId).executeTakeFirst();
}

/** Whether an agreement was ever signed by both parties. */
export async function hasEffectiveVersion(db: DB, negotiationId: string): Promise<boolean> {
  return (
    (await db.selectFrom("versions").select("id").where("negotiation_id", "=", negotiationId).where("kind", "=", "effective").executeTakeFirst()) !== undefined
  );
}

/** The latest version both parties signed: the agreement in force (or that stays in force during a round). */
export async function latestEffectiveVersion(db: DB, negotiationId: string): Promise<{ number: number; name: string } | undefined> {
  return db
    .selectFrom("versions")
    .select(["number", "name"])
    .where("negotiation_id", "=", negotiationId)
    .where("kind", "=", "effective")
    .orderBy("number", "desc")
    .executeTakeFirst();
}

/** When the agreement in force was signed (its latest effective version), or null before any was. */
export async function effectiveSince(db: DB, negotiationId: string): Promise<number | null> {
  const row = await db
    .selectFrom("versions")
    .select("created_at")
    .where("negotiation_id", "=", negotiationId)
    .where("kind", "=", "effective")
    .orderBy("number", "desc")
    .executeTakeFirst();
  return row?.created_at ?? null;
}
