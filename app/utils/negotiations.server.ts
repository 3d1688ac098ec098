import type { AppLoadContext } from "@remix-run/node";
import { getNegotiation, membership } from "../../db/queries/negotiations";

export { getNegotiation, listMembers, listNegotiationsForUser, membership, setArchived } from "../../db/queries/negotiations";

/**
 * The one check every negotiation route makes. A non-member gets the same 404 as a missing id,
 * so probing ids reveals nothing about which negotiations exist.
 */
export async function requireMembership(context: AppLoadContext, negotiationId: string, userId: string) {
  const member = await membership(context.services.db, negotiationId, userId);
  const negotiation = member ? await getNegotiation(context.services.db, negotiationId) : undefined;
  if (!member || !negotiation) throw new Response("Not found", { status: 404 });
  return { role: member.role, isOwner: member.isOwner, negotiation };
}

export { negotiationSetup } from "../../shared/templates/negotiationSetup";
