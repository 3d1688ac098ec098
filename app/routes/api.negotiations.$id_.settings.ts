import type { ActionFunctionArgs } from "@remix-run/node";
import { settingsSchema } from "../../shared/proposals/proposals";
import { requireMember } from "../utils/member.server";
import { setChanges } from "../utils/proposals.server";
import { readJson } from "../utils/readJson.server";
import { apiResponse } from "../utils/respond.server";

/** POST /api/negotiations/:id/settings — {changes: "together" | "proposals"}: how the negotiation takes edits (party owners). */
export async function action({ request, context, params }: ActionFunctionArgs) {
  const member = await requireMember(request, context, params, { api: true });
  const { changes } = await readJson(request, context, settingsSchema);
  return apiResponse(request, context, () => setChanges(context.services, member.negotiationId, member, changes));
}
