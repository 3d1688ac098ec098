import type { ActionFunctionArgs } from "@remix-run/node";
import { actionDoneSchema } from "../../shared/moderatedSessions/requests";
import { requireMember } from "../utils/member.server";
import { readJson } from "../utils/readJson.server";
import { apiResponse } from "../utils/respond.server";
import { markActionDone } from "../utils/sessions.server";

/** POST /api/negotiations/:id/actions/:actionId — {done}: the assignee (or the moderator) marks a session's action done or not. */
export async function action({ request, context, params }: ActionFunctionArgs) {
  const member = await requireMember(request, context, params, { api: true });
  const { done } = await readJson(request, context, actionDoneSchema);
  return apiResponse(request, context, () => markActionDone(context.services, member.negotiationId, params.actionId ?? "", member, done));
}
