import { type LoaderFunctionArgs } from "@remix-run/node";
import { activityFeed } from "../utils/notifications.server";
import { requireMember } from "../utils/member.server";
import { apiResponse } from "../utils/respond.server";

/** GET /api/negotiations/:id/activity — the negotiation's activity, newest first. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const member = await requireMember(request, context, params, { api: true });
  return apiResponse(request, context, () => activityFeed(context.services, member));
}
