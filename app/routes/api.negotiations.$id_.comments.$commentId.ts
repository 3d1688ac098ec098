import type { ActionFunctionArgs } from "@remix-run/node";
import { commentActionSchema } from "../../shared/threads";
import { actOnComment, readJson, requireApiMember, threadResponse } from "../utils/threads.server";

/** POST /api/negotiations/:id/comments/:commentId — {action: "edit", body} | {action: "delete"}; own comments only. */
export async function action({ request, context, params }: ActionFunctionArgs) {
  const actor = await requireApiMember(context, params.id ?? "");
  const input = await readJson(request, commentActionSchema);
  return threadResponse(request, context, () => actOnComment(context.services, params.id!, params.commentId ?? "", actor, input));
}
