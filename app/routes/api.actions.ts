import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "../utils/member.server";
import { apiResponse } from "../utils/respond.server";
import { myActions } from "../utils/sessions.server";

/** GET /api/actions — the signed-in user's actions from sessions: open ones, and those done this week. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user } = requireUser(request, context, { api: true });
  return apiResponse(request, context, () => myActions(context.services, user.id));
}
