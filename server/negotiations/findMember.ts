import type { DB } from "../../db/connection";
import { membership } from "../../db/queries/negotiations";
import type { Member } from "../../shared/member";
import { partyOf } from "../../shared/roles";

/**
 * The gate's server-side half, shared by HTTP routes (app/utils/member.server.ts) and the socket
 * upgrade: the user as a member of the negotiation, or null for a non-member and for a missing
 * negotiation alike, so ids cannot be probed.
 */
export async function findMember(db: DB, negotiationId: string, user: { id: string; name: string }): Promise<Member | null> {
  const row = await membership(db, negotiationId, user.id);
  if (!row) return null;
  return { negotiationId, userId: user.id, name: user.name, role: row.role, party: partyOf(row.role), owner: row.isOwner };
}
