import type { AppLoadContext } from "@remix-run/node";

export { changeRole, removeFromNegotiation, setOwner } from "../../server/negotiations/members";
export {
  acceptInvitation,
  acceptInvitationFor,
  findInvitation,
  invitationsForUser,
  invite,
  isMember,
  resendInvitation,
  revokeInvitation,
  type Delivery,
} from "../../server/negotiations/invitations";
export { pendingInvitations } from "../../db/queries/invitations";
export { emailSchema } from "../../server/auth/accounts";

/** Links in invitations point where the inviter is: PUBLIC_URL, or the origin of this request. */
export function publicOrigin(request: Request, context: AppLoadContext): string {
  return context.services.config.publicOrigin ?? new URL(request.url).origin;
}
