import type { Asker } from "./member";
import { partyOf, roles, type Role } from "./roles";

/**
 * Who manages whom. An owner manages the members of their own party and the neutral members
 * (advisors, observers); the other party is managed by its own owners. Before the other party
 * has anyone, an owner may invite its first member, who becomes that party's owner on accepting.
 */
export function canManage(actor: Asker | null, targetRole: Role, otherPartyHasMembers = true): boolean {
  if (!actor?.owner) return false;
  const actorParty = partyOf(actor.role);
  if (!actorParty) return false;
  const targetParty = partyOf(targetRole);
  if (targetParty === null || targetParty === actorParty) return true;
  return !otherPartyHasMembers;
}

/** The roles an actor may invite or assign. */
export function assignableRoles(actor: Asker | null, otherPartyHasMembers: boolean): Role[] {
  return roles.filter((r) => canManage(actor, r, otherPartyHasMembers));
}

/** Only members of a party can own it; neutral roles never manage anyone. */
export function canBeOwner(role: Role): boolean {
  return partyOf(role) !== null;
}
