import { listMembers, removeMember, updateMember, type NegotiationMember } from "../../db/queries/negotiations";
import { CloseCode } from "../../shared/collaboration/closeCodes";
import type { Member } from "../../shared/member";
import { canBeOwner } from "../../shared/membership";
import { partyOf, type Role } from "../../shared/roles";
import { audit } from "../../db/queries/auditLog";
import { dropNotificationsOfMember, dropNotificationsOutOfSight } from "../../db/queries/notifications";
import { authorize } from "../authorize";
import type { Services } from "../context";
import { DomainError } from "../errors";

async function target(services: Services, negotiationId: string, userId: string) {
  const members = await listMembers(services.db, negotiationId);
  const member = members.find((m) => m.userId === userId);
  if (!member) throw new DomainError(404, "members.error.noSuchMember");
  return { member, members };
}

/** A party must always keep someone who can manage it. */
function assertNotLastOwner(member: NegotiationMember, members: NegotiationMember[]) {
  if (!member.isOwner) return;
  const otherOwners = members.filter((m) => m.userId !== member.userId && m.isOwner && m.role === member.role);
  if (otherOwners.length === 0) throw new DomainError(409, "members.error.lastOwner");
}

export async function changeRole(services: Services, negotiationId: string, actor: Member, userId: string, role: Role) {
  const { member, members } = await target(services, negotiationId, userId);
  authorize(actor, "manageMembers", undefined, { role: member.role });
  authorize(actor, "manageMembers", undefined, { role });
  if (member.role === role) return;
  if (partyOf(role) !== partyOf(member.role)) assertNotLastOwner(member, members);
  await services.db.transaction().execute(async (trx) => {
    await updateMember(trx, negotiationId, userId, { role, isOwner: member.isOwner && partyOf(role) === partyOf(member.role) });
    await dropNotificationsOutOfSight(trx, negotiationId, userId, role);
    await audit(trx, { negotiationId, userId: actor.userId, action: "member.role_changed", detail: { member: member.name, from: member.role, to: role } });
  });
  // Rights change at once: the member's open editors reconnect and get the new rights.
  services.collaboration.revokeAccess(negotiationId, userId, CloseCode.rightsChanged);
}

export async function setOwner(services: Services, negotiationId: string, actor: Member, userId: string, isOwner: boolean) {
  const { member, members } = await target(services, negotiationId, userId);
  authorize(actor, "manageMembers", undefined, { role: member.role });
  if (!canBeOwner(member.role)) throw new DomainError(403, "members.error.notAllowed");
  if (!isOwner) assertNotLastOwner(member, members);
  await services.db.transaction().execute(async (trx) => {
    await updateMember(trx, negotiationId, userId, { isOwner });
    await audit(trx, { negotiationId, userId: actor.userId, action: "member.role_changed", detail: { member: member.name, owner: isOwner } });
  });
}

/** Removes a member; anyone may also remove themselves (leave), except a party's last owner. */
export async function removeFromNegotiation(services: Services, negotiationId: string, actor: Member, userId: string) {
  const { member, members } = await target(services, negotiationId, userId);
  // Leaving needs no right; removing someone else does.
  if (actor.userId !== userId) authorize(actor, "manageMembers", undefined, { role: member.role });
  assertNotLastOwner(member, members);
  await services.db.transaction().execute(async (trx) => {
    await removeMember(trx, negotiationId, userId);
    await dropNotificationsOfMember(trx, negotiationId, userId);
    await audit(trx, { negotiationId, userId: actor.userId, action: "member.removed", detail: { member: member.name, role: member.role } });
  });
  services.collaboration.revokeAccess(negotiationId, userId, CloseCode.forbidden);
}
