import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { requireMember, memberNegotiation } from "../utils/member.server";
import { listMembers } from "../utils/negotiations.server";
import { isChangesMode } from "../../shared/proposals/proposals";

/** GET /api/negotiations/:id — title, parties, members and the caller's role; 404 for non-members. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const me = await requireMember(request, context, params, { api: true });
  const negotiation = await memberNegotiation(context, me);
  const members = await listMembers(context.services.db, me.negotiationId);
  const online = context.services.collaboration.onlineUserIds(me.negotiationId);
  return json({
    id: me.negotiationId,
    title: negotiation.title,
    parties: { buyer: negotiation.buyer_org, supplier: negotiation.supplier_org },
    role: me.role,
    owner: me.owner,
    /** How the negotiation takes edits: "together" or "proposals" (every edit is a proposal). */
    changes: isChangesMode(negotiation.changes_mode) ? negotiation.changes_mode : "together",
    /** Only advisors plan and run sessions (decision 032). */
    sessionsByAdvisorsOnly: negotiation.sessions_advisors_only !== 0,
    members: members.map((m) => ({ userId: m.userId, name: m.name, role: m.role, owner: m.isOwner, online: online.has(m.userId) })),
  });
}
