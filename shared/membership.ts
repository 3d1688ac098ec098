import { partyOf, roles, type Role } from "./roles";

export interface Actor {
  role: Role;
  isOwner: boolean;
}

/**
 * Who manages whom. An owner manages the members of their own party and the neutral members
 * (advisors, observers); the other party is managed by its own owners. Before the other party
 * has anyone, an owner may invite its first member, who becomes that party's owner on accepting.
 */
export function canManage(actor: Actor | null, targetRole: Role, otherPartyHasMembers = true): boolean {
  if (!actor?.isOwner) return false;
  const actorParty = partyOf(actor.role);
  if (!actorParty) return false;
  const targetParty = partyOf(targetRole);
  if (targetParty === null || targetParty === actorParty) return true;
  return !otherPartyHasMembers;
}

/** The roles an actor may invite or assign. */
export function assignableRoles(actor: Actor | null, otherPartyHasMembers: boolean): Role[] {
  return roles.filter((r) => canManage(actor, r, otherPartyHasMembers));
}

/** Only members of a party can own it; neutral roles never manage anyone. */
export function canBeOwner(role: Role): boolean {
  return partyOf(role) !== null;
}
