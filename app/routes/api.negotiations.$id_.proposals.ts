import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { bulkProposalActionSchema, proposalListQuerySchema } from "../../shared/proposals/proposals";
import { requireMember } from "../utils/member.server";
import { actOnProposals, listProposalViews } from "../utils/proposals.server";
import { readJson } from "../utils/readJson.server";
import { apiResponse, DomainError, refuse } from "../utils/respond.server";

/**
 * GET /api/negotiations/:id/proposals[?status=all] — the open proposals (or all), each with its
 * author and the text it marks in the document now.
 */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const member = await requireMember(request, context, params, { api: true });
  const parsed = proposalListQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) refuse(request, context, new DomainError(400, "error.badQuery"), "api");
  return apiResponse(request, context, () => listProposalViews(context.services, member.negotiationId, parsed.data.status));
}

/** POST /api/negotiations/:id/proposals — {action: "accept" | "reject", clauseId} or {action, authorId}: every open one at once. */
export async function action({ request, context, params }: ActionFunctionArgs) {
  const member = await requireMember(request, context, params, { api: true });
  const input = await readJson(request, context, bulkProposalActionSchema);
  return apiResponse(request, context, () => actOnProposals(context.services, member.negotiationId, member, input));
}
