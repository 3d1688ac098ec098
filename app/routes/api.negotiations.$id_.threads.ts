import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { newThreadSchema } from "../../shared/threadRequests";
import { createThread, readJson, threadResponse, visibleThreads } from "../utils/threads.server";
import { requireMember } from "../utils/member.server";

/** GET /api/negotiations/:id/threads — the threads the caller may see, with their comments. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const member = await requireMember(request, context, params, { api: true });
  return json(await visibleThreads(context.services, member.negotiationId, member.role));
}

/** POST /api/negotiations/:id/threads — start a thread on a clause: {clauseId, visibility, body, anchor?, quote?}. */
export async function action({ request, context, params }: ActionFunctionArgs) {
  const member = await requireMember(request, context, params, { api: true });
  const input = await readJson(request, context, newThreadSchema);
  return threadResponse(request, context, () => createThread(context.services, member.negotiationId, member, input), 201);
}
