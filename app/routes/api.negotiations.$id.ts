import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { requireApiAuth } from "../utils/auth.server";
import { getNegotiation, listMembers, membership } from "../utils/negotiations.server";

/** GET /api/negotiations/:id — title, parties, members and the caller's role; 404 for non-members. */
export async function loader({ context, params }: LoaderFunctionArgs) {
  const { user } = requireApiAuth(context);
  const id = params.id ?? "";
  const me = await membership(context.services.db, id, user.id);
  const negotiation = me ? await getNegotiation(context.services.db, id) : undefined;
  if (!me || !negotiation) return json({ error: "No such negotiation, or you are not a member." }, { status: 404 });
  const members = await listMembers(context.services.db, id);
  const online = context.services.collaboration.onlineUserIds(id);
  return json({
    id,
    title: negotiation.title,
    parties: { buyer: negotiation.buyer_org, supplier: negotiation.supplier_org },
    role: me.role,
    owner: me.isOwner,
    members: members.map((m) => ({ name: m.name, role: m.role, owner: m.isOwner, online: online.has(m.userId) })),
  });
}
