import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { newThreadSchema } from "../../shared/threadRequests";
import { createThread, discussProposal, readJson, threadResponse, visibleThreads } from "../utils/threads.server";
import { requireMember } from "../utils/member.server";
import { apiResponse } from "../utils/respond.server";

/** GET /api/negotiations/:id/threads — the threads the caller may see, with their comments. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const member = await requireMember(request, context, params, { api: true });
  return json(await visibleThreads(context.services, member.negotiationId, member.role));
}

/**
 * POST /api/negotiations/:id/threads — start a thread on a clause: {clauseId, visibility, body, anchor?, quote?};
 * or on a proposal: {proposalId, visibility, body}, 201, or 200 when its thread for that audience was started already (a reply).
 */
export async function action({ request, context, params }: ActionFunctionArgs) {
  const member = await requireMember(request, context, params, { api: true });
  const { proposalId, clauseId, ...input } = await readJson(request, context, newThreadSchema);
  if (proposalId) {
    return apiResponse(request, context, async () => {
      const { thread, created } = await discussProposal(context.services, member.negotiationId, member, {
        proposalId,
        visibility: input.visibility,
        body: input.body,
      });
      return json({ thread }, { status: created ? 201 : 200 });
    });
  }
  // The schema lets through exactly one of the two.
  return threadResponse(request, context, () => createThread(context.services, member.negotiationId, member, { ...input, clauseId: clauseId! }), 201);
}
