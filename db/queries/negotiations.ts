import type { DB } from "../connection";
import { newId } from "../../shared/ids";
import { isRole, type Role } from "../../shared/roles";
import { negotiationSetupSchema, type NegotiationSetup } from "../../shared/templates/negotiationSetup";

export interface NegotiationSummary {
  id: string;
  title: string;
  role: Role;
  buyerOrg: string;
  supplierOrg: string;
  lastActivityAt: number;
  archived: boolean;
  /** Set while a signed agreement is in force and no amendment round is open. */
  frozenAt: number | null;
  reviewDueAt: number | null;
}

export interface NegotiationMember {
  userId: string;
  name: string;
  email: string;
  role: Role;
  isOwner: boolean;
}

function toRole(value: string): Role {
  if (!isRole(value)) throw new Error(`Unknown role in database: ${value}`);
  return value;
}

export async function listNegotiationsForUser(db: DB, userId: string): Promise<NegotiationSummary[]> {
  const rows = await db
    .selectFrom("negotiation_members as m")
    .innerJoin("negotiations as n", "n.id", "m.negotiation_id")
    .select(["n.id", "n.title", "m.role", "n.buyer_org", "n.supplier_org", "n.last_activity_at", "m.archived_at", "n.frozen_at", "n.review_due_at"])
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
    archived: r.archived_at !== null,
    frozenAt: r.frozen_at,
    reviewDueAt: r.review_due_at,
  }));
}

/** The caller's role in a negotiation, or null when they are not a member (or it does not exist). */
export async function memberRole(db: DB, negotiationId: string, userId: string): Promise<Role | null> {
  return (await membership(db, negotiationId, userId))?.role ?? null;
}

export async function membership(db: DB, negotiationId: string, userId: string): Promise<{ role: Role; isOwner: boolean } | null> {
  const row = await db
    .selectFrom("negotiation_members")
    .select(["role", "is_owner"])
    .where("negotiation_id", "=", negotiationId)
    .where("user_id", "=", userId)
    .executeTakeFirst();
  return row ? { role: toRole(row.role), isOwner: row.is_owner === 1 } : null;
}

export async function getNegotiation(db: DB, negotiationId: string) {
  return db.selectFrom("negotiations").selectAll().where("id", "=", negotiationId).executeTakeFirst();
}

/** The title and the two parties' organisations, as documents name them. */
export async function negotiationParties(db: DB, negotiationId: string) {
  return db.selectFrom("negotiations").select(["title", "buyer_org", "supplier_org"]).where("id", "=", negotiationId).executeTakeFirstOrThrow();
}

export interface NegotiationState {
  round: number;
  /** A signed agreement is in force and no amendment round is open: the schedule takes no edits. */
  frozen: boolean;
  frozenAt: number | null;
  reviewDueAt: number | null;
  /** Only advisors plan and run sessions (decision 032). */
  sessionsByAdvisorsOnly: boolean;
}

/** The one reading of which round a negotiation is in and whether its schedule is frozen. */
export async function negotiationState(db: DB, negotiationId: string): Promise<NegotiationState> {
  const row = await db
    .selectFrom("negotiations")
    .select(["round", "frozen_at", "review_due_at", "sessions_advisors_only"])
    .where("id", "=", negotiationId)
    .executeTakeFirstOrThrow();
  return {
    round: row.round,
    frozen: row.frozen_at !== null,
    frozenAt: row.frozen_at,
    reviewDueAt: row.review_due_at,
    sessionsByAdvisorsOnly: row.sessions_advisors_only !== 0,
  };
}

export async function setSessionsByAdvisorsOnly(db: DB, negotiationId: string, on: boolean): Promise<void> {
  await db
    .updateTable("negotiations")
    .set({ sessions_advisors_only: on ? 1 : 0 })
    .where("id", "=", negotiationId)
    .execute();
}

/** Inside the transaction of the sign-off that made the agreement effective (server/agreements/frozenState.ts). */
export async function freezeNegotiation(db: DB, negotiationId: string, at: number, reviewDueAt: number): Promise<void> {
  await db.updateTable("negotiations").set({ frozen_at: at, review_due_at: reviewDueAt }).where("id", "=", negotiationId).execute();
}

/** Unfreezes into the next round; returns its number. Inside a transaction (server/agreements/frozenState.ts). */
export async function openNextRound(db: DB, negotiationId: string): Promise<number> {
  const { round } = await negotiationState(db, negotiationId);
  await db
    .updateTable("negotiations")
    .set({ round: round + 1, frozen_at: null })
    .where("id", "=", negotiationId)
    .execute();
  return round + 1;
}

export async function setReviewDueAt(db: DB, negotiationId: string, dueAt: number): Promise<void> {
  await db.updateTable("negotiations").set({ review_due_at: dueAt }).where("id", "=", negotiationId).execute();
}

export async function touchNegotiation(db: DB, negotiationId: string, at: number): Promise<void> {
  await db.updateTable("negotiations").set({ last_activity_at: at }).where("id", "=", negotiationId).execute();
}

export async function listMembers(db: DB, negotiationId: string): Promise<NegotiationMember[]> {
  const rows = await db
    .selectFrom("negotiation_members as m")
    .innerJoin("users as u", "u.id", "m.user_id")
    .select(["u.id", "u.name", "u.email", "m.role", "m.is_owner"])
    .where("m.negotiation_id", "=", negotiationId)
    .orderBy("m.joined_at")
    .execute();
  return rows.map((r) => ({ userId: r.id, name: r.name, email: r.email, role: toRole(r.role), isOwner: r.is_owner === 1 }));
}

export async function createNegotiation(
  db: DB,
  input: {
    title: string;
    buyerOrg: string;
    supplierOrg: string;
    createdBy: string;
    members: { userId: string; role: Role; isOwner?: boolean }[];
    setup?: NegotiationSetup;
  },
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
        setup_json: input.setup === undefined ? null : JSON.stringify(negotiationSetupSchema.parse(input.setup)),
      })
      .execute();
    await trx
      .insertInto("negotiation_members")
      .values(input.members.map((m) => ({ negotiation_id: id, user_id: m.userId, role: m.role, joined_at: now, is_owner: m.isOwner ? 1 : 0 })))
      .execute();
  });
  return id;
}

export async function setArchived(db: DB, negotiationId: string, userId: string, archived: boolean): Promise<void> {
  await db
    .updateTable("negotiation_members")
    .set({ archived_at: archived ? Date.now() : null })
    .where("negotiation_id", "=", negotiationId)
    .where("user_id", "=", userId)
    .execute();
}

export async function addMember(db: DB, negotiationId: string, userId: string, role: Role, isOwner: boolean): Promise<void> {
  await db
    .insertInto("negotiation_members")
    .values({ negotiation_id: negotiationId, user_id: userId, role, joined_at: Date.now(), is_owner: isOwner ? 1 : 0 })
    .onConflict((oc) => oc.columns(["negotiation_id", "user_id"]).doUpdateSet({ role, is_owner: isOwner ? 1 : 0 }))
    .execute();
}

export async function updateMember(db: DB, negotiationId: string, userId: string, change: { role?: Role; isOwner?: boolean }) {
  await db
    .updateTable("negotiation_members")
    .set({ ...(change.role ? { role: change.role } : {}), ...(change.isOwner !== undefined ? { is_owner: change.isOwner ? 1 : 0 } : {}) })
    .where("negotiation_id", "=", negotiationId)
    .where("user_id", "=", userId)
    .execute();
}

export async function removeMember(db: DB, negotiationId: string, userId: string): Promise<void> {
  await db.deleteFrom("negotiation_members").where("negotiation_id", "=", negotiationId).where("user_id", "=", userId).execute();
}

/** Agreements in force whose review date is at or before `before`, with that date. */
export async function negotiationsReviewDueBy(db: DB, before: number): Promise<{ id: string; reviewDueAt: number }[]> {
  const rows = await db
    .selectFrom("negotiations")
    .select(["id", "review_due_at"])
    .where("frozen_at", "is not", null)
    .where("review_due_at", "is not", null)
    .where("review_due_at", "<=", before)
    .execute();
  return rows.map((r) => ({ id: r.id, reviewDueAt: r.review_due_at! }));
}
