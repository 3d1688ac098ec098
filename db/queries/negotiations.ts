import type { DB } from "../connection";
import { newId } from "../../shared/ids";
import { isRole, type Role } from "../../shared/roles";

export interface NegotiationSummary {
  id: string;
  title: string;
  role: Role;
  buyerOrg: string;
  supplierOrg: string;
  lastActivityAt: number;
}

export interface NegotiationMember {
  userId: string;
  name: string;
  email: string;
  role: Role;
}

function toRole(value: string): Role {
  if (!isRole(value)) throw new Error(`Unknown role in database: ${value}`);
  return value;
}

export async function listNegotiationsForUser(db: DB, userId: string): Promise<NegotiationSummary[]> {
  const rows = await db
    .selectFrom("negotiation_members as m")
    .innerJoin("negotiations as n", "n.id", "m.negotiation_id")
    .select(["n.id", "n.title", "m.role", "n.buyer_org", "n.supplier_org", "n.last_activity_at"])
    .where("m.user_id", "=", userId)
    .orderBy("n.last_activity_at", "desc")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    role: toRole(r.role),
    buyerOrg: r.buyer_org,
    supplierOrg: r.supplier_org,
    lastActivityAt: r.last_activity_at,
  }));
}

/** The caller's role in a negotiation, or null when they are not a member (or it does not exist). */
export async function memberRole(db: DB, negotiationId: string, userId: string): Promise<Role | null> {
  const row = await db
    .selectFrom("negotiation_members")
    .select("role")
    .where("negotiation_id", "=", negotiationId)
    .where("user_id", "=", userId)
    .executeTakeFirst();
  return row ? toRole(row.role) : null;
}

export async function getNegotiation(db: DB, negotiationId: string) {
  return db.selectFrom("negotiations").selectAll().where("id", "=", negotiationId).executeTakeFirst();
}

export async function listMembers(db: DB, negotiationId: string): Promise<NegotiationMember[]> {
  const rows = await db
    .selectFrom("negotiation_members as m")
    .innerJoin("users as u", "u.id", "m.user_id")
    .select(["u.id", "u.name", "u.email", "m.role"])
    .where("m.negotiation_id", "=", negotiationId)
    .orderBy("m.joined_at")
    .execute();
  return rows.map((r) => ({ userId: r.id, name: r.name, email: r.email, role: toRole(r.role) }));
}

export async function createNegotiation(
  db: DB,
  input: { title: string; buyerOrg: string; supplierOrg: string; createdBy: string; members: { userId: string; role: Role }[] },
): Promise<string> {
  const id = newId();
  const now = Date.now();
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto("negotiations")
      .values({
        id,
        title: input.title,
        buyer_org: input.buyerOrg,
        supplier_org: input.supplierOrg,
        created_by: input.createdBy,
        created_at: now,
        last_activity_at: now,
      })
      .execute();
    await trx
      .insertInto("negotiation_members")
      .values(input.members.map((m) => ({ negotiation_id: id, user_id: m.userId, role: m.role, joined_at: now })))
      .execute();
  });
  return id;
}
