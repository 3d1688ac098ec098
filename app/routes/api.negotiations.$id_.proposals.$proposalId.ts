import type { ActionFunctionArgs } from "@remix-run/node";
import { proposalActionSchema } from "../../shared/proposals/proposals";
import { requireMember } from "../utils/member.server";
import { actOnProposal } from "../utils/proposals.server";
import { readJson } from "../utils/readJson.server";
import { apiResponse } from "../utils/respond.server";

/**
 * POST /api/negotiations/:id/proposals/:proposalId — {action: "accept" | "reject" | "withdraw"}
 * or {action: "reason", reason}: decide a proposal (the other party), withdraw it or give its reason (the author).
 */
export async function action({ request, context, params }: ActionFunctionArgs) {
  const member = await requireMember(request, context, params, { api: true });
  const input = await readJson(request, context, proposalActionSchema);
  return apiResponse(request, context, () => actOnProposal(context.services, member.negotiationId, member, params.proposalId ?? "", input));
}
