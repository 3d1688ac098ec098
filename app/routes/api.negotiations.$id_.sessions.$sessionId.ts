import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { sessionCommandSchema } from "../../shared/moderatedSessions/requests";
import { requireMember } from "../utils/member.server";
import { readJson } from "../utils/readJson.server";
import { apiResponse } from "../utils/respond.server";
import { runSession, sessionView } from "../utils/sessions.server";

/** GET /api/negotiations/:id/sessions/:sessionId — the agenda, the current item, outcomes, actions and minutes. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const member = await requireMember(request, context, params, { api: true });
  return apiResponse(request, context, () => sessionView(context.services.db, member.negotiationId, params.sessionId ?? ""));
}

/**
 * POST /api/negotiations/:id/sessions/:sessionId — the moderator's {action: "agenda" | "start" |
 * "goto" | "next" | "record" | "end" | "correct", ...} → the session as it is then.
 */
export async function action({ request, context, params }: ActionFunctionArgs) {
  const member = await requireMember(request, context, params, { api: true });
  const command = await readJson(request, context, sessionCommandSchema);
  return apiResponse(request, context, () => runSession(context.services, member.negotiationId, params.sessionId ?? "", member, command));
}
