import type { ActionFunctionArgs } from "@remix-run/node";
import { apiResponse, signOff } from "../utils/agreements.server";
import { getLocale } from "../utils/locale.server";
import { requireMember } from "../utils/member.server";

/**
 * POST /api/negotiations/:id/signoff — a party owner signs off on the schedule as it is. 409 with
 * `blocking` (the clauses not yet agreed by both) while anything is open; `effective: true` when
 * the other party had signed the same text.
 */
export async function action({ request, context, params }: ActionFunctionArgs) {
  const member = await requireMember(request, context, params, { api: true });
  return apiResponse(request, context, () => signOff(context.services, member.negotiationId, member, getLocale(request, context)));
}
