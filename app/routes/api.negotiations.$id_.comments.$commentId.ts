import type { ActionFunctionArgs } from "@remix-run/node";
import { commentActionSchema } from "../../shared/threadRequests";
import { actOnComment, readJson, threadResponse } from "../utils/threads.server";
import { requireMember } from "../utils/member.server";

/** POST /api/negotiations/:id/comments/:commentId — {action: "edit", body} | {action: "delete"}; own comments only. */
export async function action({ request, context, params }: ActionFunctionArgs) {
  const member = await requireMember(request, context, params, { api: true });
  const input = await readJson(request, context, commentActionSchema);
  return threadResponse(request, context, () => actOnComment(context.services, member.negotiationId, params.commentId ?? "", member, input));
}
