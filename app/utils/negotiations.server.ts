import type { AppLoadContext } from "@remix-run/node";
import { z } from "zod";
import { getNegotiation, membership } from "../../db/queries/negotiations";
import { regimeIds } from "../../shared/templates/selectClauses";
import { levels } from "../../shared/templates/wizardAnswers";

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

const setupSchema = z.object({
  level: z.enum(levels).catch("standard"),
  regimes: z.array(z.enum(regimeIds)).catch([]),
});

/** The wizard's level and regimes; a negotiation started empty or as a copy has none. */
export function negotiationSetup(setupJson: string | null): z.infer<typeof setupSchema> {
  const fallback = { level: "standard" as const, regimes: [] };
  if (!setupJson) return fallback;
  try {
    return setupSchema.parse(JSON.parse(setupJson));
  } catch {
    return fallback;
  }
}
