import type { DB } from "../connection";
import type { InvitationsTable } from "../schema";
import type { Selectable } from "kysely";

export type Invitation = Selectable<InvitationsTable>;

export async function insertInvitation(db: DB, invitation: Invitation): Promise<void> {
  await db.insertInto("invitations").values(invitation).execute();
}

export async function invitationByTokenHash(db: DB, tokenHash: string): Promise<Invitation | undefined> {
  return db.selectFrom("invitations").selectAll().where("token_hash", "=", tokenHash).executeTakeFirst();
}

export async function invitationById(db: DB, negotiationId: string, id: string): Promise<Invitation | undefined> {
  return db.selectFrom("invitations").selectAll().where("id", "=", id).where("negotiation_id", "=", negotiationId).executeTakeFirst();
}

/** Invitations still waiting for an answer (not accepted, not revoked), newest first. */
export async function pendingInvitations(db: DB, negotiationId: string): Promise<Invitation[]> {
  return db
    .selectFrom("invitations")
    .selectAll()
    .where("negotiation_id", "=", negotiationId)
    .where("accepted_at", "is", null)
    .where("revoked_at", "is", null)
    .orderBy("created_at", "desc")
    .execute();
}

/** Revokes the invitations still waiting to bring someone into `role`, except `keepId`. */
export async function revokePendingInvitationsInto(db: DB, negotiationId: string, role: string, keepId: string, now = Date.now()): Promise<void> {
  await db
    .updateTable("invitations")
    .set({ revoked_at: now })
    .where("negotiation_id", "=", negotiationId)
    .where("role", "=", role)
    .where("id", "!=", keepId)
    .where("accepted_at", "is", null)
    .where("revoked_at", "is", null)
    .execute();
}

export async function updateInvitation(
  db: DB,
  id: string,
  change: Partial<Pick<Invitation, "token_hash" | "expires_at" | "revoked_at" | "accepted_at" | "accepted_by" | "role">>,
) {
  await db.updateTable("invitations").set(change).where("id", "=", id).execute();
}

/** Whether `email` has an invitation into the negotiation that is still open and not expired. */
export async function hasOpenInvitation(db: DB, negotiationId: string, email: string, now = Date.now(), exceptId = ""): Promise<boolean> {
  const row = await db
    .selectFrom("invitations")
    .select("id")
    .where("id", "!=", exceptId)
    .where("negotiation_id", "=", negotiationId)
    .where("email", "=", email)
    .where("accepted_at", "is", null)
    .where("revoked_at", "is", null)
    .where("expires_at", ">", now)
    .executeTakeFirst();
  return row !== undefined;
}

/** Open, unexpired invitations addressed to `email`, with the negotiation's title, oldest first. */
export async function openInvitationsForEmail(db: DB, email: string, now = Date.now()): Promise<(Invitation & { title: string })[]> {
  return db
    .selectFrom("invitations")
    .innerJoin("negotiations", "negotiations.id", "invitations.negotiation_id")
    .selectAll("invitations")
    .select("negotiations.title as title")
    .where("invitations.email", "=", email)
    .where("invitations.accepted_at", "is", null)
    .where("invitations.revoked_at", "is", null)
    .where("invitations.expires_at", ">", now)
    .orderBy("invitations.created_at", "asc")
    .execute();
}

/** One invitation by its id alone (for accepting from the dashboard; the caller checks the address). */
export async function invitationByIdAnywhere(db: DB, id: string): Promise<Invitation | undefined> {
  return db.selectFrom("invitations").selectAll().where("id", "=", id).executeTakeFirst();
}
