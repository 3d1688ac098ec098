import { getNegotiation, listMembers, addMember, membership, type NegotiationMember } from "../../db/queries/negotiations";
import { userName } from "../../db/queries/users";
import {
  hasOpenInvitation,
  insertInvitation,
  invitationById,
  invitationByIdAnywhere,
  invitationByTokenHash,
  openInvitationsForEmail,
  revokePendingInvitationsInto,
  updateInvitation,
  type Invitation,
} from "../../db/queries/invitations";
import { newId } from "../../shared/ids";
import type { Member } from "../../shared/member";
import type { Asker } from "../../shared/member";
import { may } from "../../shared/policy";
import { partyOf, type Role } from "../../shared/roles";
import { translate } from "../../shared/i18n/index";
import { inEveryLanguage } from "../mail/inEveryLanguage";
import type { PublicUser } from "../../db/queries/users";
import type { DB } from "../../db/connection";
import type { Services } from "../context";
import { randomToken, tokenHash, tokenPattern } from "../auth/tokens";
import { DomainError } from "../errors";
import { announceMove } from "../activity/announceMove";
import { recordMove, type Move } from "../activity/recordMove";

export const invitationLifetimeMs = 7 * 24 * 60 * 60 * 1000;

/** "void": its sender may no longer invite for its role (see acceptInvitation). */
export type InvitationStatus = "valid" | "revoked" | "expired" | "used" | "void";

export function invitationStatus(invitation: Invitation, now = Date.now()): InvitationStatus {
  if (invitation.revoked_at) return "revoked";
  if (invitation.accepted_at) return "used";
  if (now >= invitation.expires_at) return "expired";
  return "valid";
}

function otherPartyHasMembers(members: NegotiationMember[], actor: Asker) {
  const party = partyOf(actor.role);
  return members.some((m) => partyOf(m.role) !== null && partyOf(m.role) !== party);
}

/** Whether `actor` may bring someone into `role` given the members as they are now. */
function mayInvite(members: NegotiationMember[], actor: Asker | null, role: Role) {
  return actor !== null && may(actor, "manageMembers", undefined, { role, otherPartyHasMembers: otherPartyHasMembers(members, actor) });
}

async function requireManage(services: Services, negotiationId: string, actor: Member, role: Role) {
  if (!mayInvite(await listMembers(services.db, negotiationId), actor, role)) throw new DomainError(403, "members.error.notAllowed");
}

/** What became of the invitation mail: sent through SMTP_URL, kept in the outbox (no SMTP_URL), or failed. */
export type Delivery = "sent" | "outbox" | "failed";

/**
 * Mails the link (or keeps it in the outbox) and returns it, so the inviter can copy it too. A
 * mail server that refuses or is down does not undo the invitation: the inviter is told to pass the
 * link on themselves.
 */
async function deliver(
  services: Services,
  invitation: Pick<Invitation, "email" | "role" | "negotiation_id">,
  token: string,
  origin: string,
  inviterName: string,
) {
  const link = `${origin}/invitations/${token}`;
  const negotiation = await getNegotiation(services.db, invitation.negotiation_id);
  const role = invitation.role as Role;
  const text = inEveryLanguage((l) =>
    translate(l, "invitation.mail.body", { inviter: inviterName, title: negotiation?.title ?? "", role: translate(l, `role.${role}`), link }),
  );
  const delivery = await services.mailer
    .send({ to: invitation.email, subject: translate("en", "invitation.mail.subject", { title: negotiation?.title ?? "" }), text })
    .then((): Delivery => (services.mailer.via === "smtp" ? "sent" : "outbox"))
    .catch((error: unknown): Delivery => {
      services.logger.error({ err: error, to: invitation.email }, "invitation mail could not be sent");
      return "failed";
    });
  return { link, delivery };
}

export async function invite(
  services: Services,
  negotiationId: string,
  actor: Member,
  input: { email: string; role: Role },
  origin: string,
): Promise<{ link: string; delivery: Delivery; invitationId: string }> {
  await requireManage(services, negotiationId, actor, input.role);
  const email = input.email.trim().toLowerCase();
  const token = randomToken();
  const now = Date.now();
  const invitation: Invitation = {
    id: newId(),
    negotiation_id: negotiationId,
    email,
    role: input.role,
    token_hash: tokenHash(token),
    invited_by: actor.userId,
    created_at: now,
    expires_at: now + invitationLifetimeMs,
    accepted_at: null,
    accepted_by: null,
    revoked_at: null,
  };
  // Checked and written in one transaction, so two identical invitations sent at once cannot both pass.
  await services.db.transaction().execute(async (trx) => {
    const members = await listMembers(trx, negotiationId);
    if (members.some((m) => m.email.toLowerCase() === email)) throw new DomainError(409, "members.error.alreadyMember", { field: "email" });
    if (await hasOpenInvitation(trx, negotiationId, email, now)) throw new DomainError(409, "members.error.alreadyInvited", { field: "email" });
    await insertInvitation(trx, invitation);
  });
  return { ...(await deliver(services, invitation, token, origin, actor.name)), invitationId: invitation.id };
}

async function managedInvitation(services: Services, negotiationId: string, actor: Member, invitationId: string) {
  const invitation = await invitationById(services.db, negotiationId, invitationId);
  if (!invitation) throw new DomainError(404, "members.error.noSuchInvitation");
  await requireManage(services, negotiationId, actor, invitation.role as Role);
  return invitation;
}

/** A fresh link (the old one stops working) and seven more days. */
export async function resendInvitation(services: Services, negotiationId: string, actor: Member, invitationId: string, origin: string) {
  const invitation = await managedInvitation(services, negotiationId, actor, invitationId);
  if (invitation.accepted_at) throw new DomainError(409, "invitation.used");
  if (await hasOpenInvitation(services.db, negotiationId, invitation.email, Date.now(), invitation.id))
    throw new DomainError(409, "members.error.alreadyInvited");
  const token = randomToken();
  await updateInvitation(services.db, invitation.id, { token_hash: tokenHash(token), expires_at: Date.now() + invitationLifetimeMs, revoked_at: null });
  return { ...(await deliver(services, invitation, token, origin, actor.name)), email: invitation.email };
}

export async function revokeInvitation(services: Services, negotiationId: string, actor: Member, invitationId: string) {
  const invitation = await managedInvitation(services, negotiationId, actor, invitationId);
  await updateInvitation(services.db, invitation.id, { revoked_at: Date.now() });
}

export async function findInvitation(services: Services, token: string) {
  if (!tokenPattern.test(token)) return null;
  const invitation = await invitationByTokenHash(services.db, tokenHash(token));
  if (!invitation) return null;
  const negotiation = await getNegotiation(services.db, invitation.negotiation_id);
  if (!negotiation) return null;
  return {
    invitation,
    negotiation,
    inviterName: (await userName(services.db, invitation.invited_by)) ?? "",
    status: await currentStatus(services.db, invitation),
  };
}

/** The invitation's status under the rules as they are now, in the order acceptance checks them. */
async function currentStatus(db: DB, invitation: Invitation): Promise<InvitationStatus> {
  const status = invitationStatus(invitation);
  if (status === "used") return status;
  const members = await listMembers(db, invitation.negotiation_id);
  const inviter = members.find((m) => m.userId === invitation.invited_by);
  return mayInvite(members, inviter ? { role: inviter.role, owner: inviter.isOwner } : null, invitation.role as Role) ? status : "void";
}

/**
 * Joins the invitation's negotiation with its role. Only the invited address may accept, once,
 * before it expires, and only while its sender could still send it: an invitation into the other
 * party, sent before that party had anyone, is void once the party has its own members. The first
 * member of a party becomes its owner, and the other party's invitations into it are revoked: from
 * then on that party alone decides who joins it.
 */
export async function acceptInvitation(services: Services, token: string, user: PublicUser): Promise<string> {
  const found = await findInvitation(services, token);
  if (!found) throw new DomainError(404, "invitation.notFound");
  return accept(services, found.invitation, user);
}

/**
 * Accepting from the dashboard, without the mailed token: the same checks as the link. The
 * invitation must be addressed to the signed-in account's email address (checked in `accept`), so
 * an id alone lets nobody else join; an id that is not theirs answers like one that does not exist.
 */
export async function acceptInvitationFor(services: Services, invitationId: string, user: PublicUser): Promise<string> {
  const invitation = await invitationByIdAnywhere(services.db, invitationId);
  if (!invitation || invitation.email !== user.email) throw new DomainError(404, "invitation.notFound");
  return accept(services, invitation, user);
}

/**
 * The invitations waiting for the signed-in account: open, unexpired, addressed to its email
 * address, still valid under the rules as they are now, and into negotiations it is not yet in.
 */
export async function invitationsForUser(services: Services, user: PublicUser) {
  const open = await openInvitationsForEmail(services.db, user.email);
  const shown = [];
  for (const invitation of open) {
    if ((await currentStatus(services.db, invitation)) !== "valid") continue;
    if (await membership(services.db, invitation.negotiation_id, user.id)) continue;
    shown.push({
      id: invitation.id,
      negotiationId: invitation.negotiation_id,
      title: invitation.title,
      role: invitation.role as Role,
      inviterName: (await userName(services.db, invitation.invited_by)) ?? "",
      expiresAt: invitation.expires_at,
    });
  }
  return shown;
}

/** Whether `userId` is a member of the negotiation now. */
export async function isMember(services: Services, negotiationId: string, userId: string): Promise<boolean> {
  return (await membership(services.db, negotiationId, userId)) !== null;
}

async function accept(services: Services, found: Invitation, user: PublicUser): Promise<string> {
  const negotiationId = found.negotiation_id;
  // Checked and written in one transaction (it holds the only connection), so two invitations
  // accepted at the same moment cannot both find the party empty.
  const move = await services.db.transaction().execute(async (trx) => {
    const invitation = (await invitationById(trx, negotiationId, found.id))!;
    const status = await currentStatus(trx, invitation);
    if (status === "used") throw new DomainError(410, "invitation.used");
    if (invitation.email !== user.email) throw new DomainError(403, "invitation.wrongEmail");
    if (status === "void") throw new DomainError(403, "invitation.noLongerAllowed");
    if (status === "revoked") throw new DomainError(410, "invitation.revoked");
    if (status === "expired") throw new DomainError(410, "invitation.expired");
    const role = invitation.role as Role;
    const members = await listMembers(trx, negotiationId);
    const party = partyOf(role);
    const firstOfParty = party !== null && !members.some((m) => m.role === party);
    let joined: Move | null = null;
    if (!members.some((m) => m.userId === user.id)) {
      await addMember(trx, negotiationId, user.id, role, firstOfParty);
      joined = await recordMove(
        trx,
        { negotiationId, userId: user.id, action: "member.joined", detail: { member: user.name, role, owner: firstOfParty } },
        party,
      );
    }
    if (firstOfParty) await revokePendingInvitationsInto(trx, negotiationId, role, invitation.id);
    await updateInvitation(trx, invitation.id, { accepted_at: Date.now(), accepted_by: user.id });
    return joined;
  });
  if (move) announceMove(services, move);
  return negotiationId;
}
