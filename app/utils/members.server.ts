import type { AppLoadContext } from "@remix-run/node";
import { membership } from "../../db/queries/negotiations";

export { changeRole, removeFromNegotiation, setOwner } from "../../server/negotiations/members";
export { acceptInvitation, findInvitation, invite, resendInvitation, revokeInvitation } from "../../server/negotiations/invitations";
export { pendingInvitations } from "../../db/queries/invitations";
export { emailSchema } from "../../server/auth/accounts";

/** The caller as an actor in this negotiation (role and ownership), or a 404 when not a member. */
export async function requireActor(context: AppLoadContext, negotiationId: string, userId: string) {
  const found = await membership(context.services.db, negotiationId, userId);
  if (!found) throw new Response("Not found", { status: 404 });
  return found;
}

/** Links in invitations point where the inviter is: PUBLIC_URL, or the origin of this request. */
export function publicOrigin(request: Request, context: AppLoadContext): string {
  return context.services.config.publicOrigin ?? new URL(request.url).origin;
}
