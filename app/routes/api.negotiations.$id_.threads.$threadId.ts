import type { ActionFunctionArgs } from "@remix-run/node";
import { threadActionSchema } from "../../shared/threadRequests";
import { actOnThread, readJson, threadResponse } from "../utils/threads.server";
import { requireMember } from "../utils/member.server";

/** POST /api/negotiations/:id/threads/:threadId — {action: "reply", body} | "resolve" | "reopen" | {action: "reattach", clauseId}. */
export async function action({ request, context, params }: ActionFunctionArgs) {
  const member = await requireMember(request, context, params, { api: true });
  const input = await readJson(request, context, threadActionSchema);
  return threadResponse(request, context, () => actOnThread(context.services, member.negotiationId, params.threadId ?? "", member, input));
}
