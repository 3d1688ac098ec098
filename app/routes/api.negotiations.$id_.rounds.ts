import type { ActionFunctionArgs } from "@remix-run/node";
import { apiResponse, openRound } from "../utils/agreements.server";
import { requireMember } from "../utils/member.server";

/** POST /api/negotiations/:id/rounds — open an amendment (party) or review (advisor) round on an agreement in force. */
export async function action({ request, context, params }: ActionFunctionArgs) {
  const member = await requireMember(request, context, params, { api: true });
  return apiResponse(request, context, () => openRound(context.services, member.negotiationId, member), 201);
}
