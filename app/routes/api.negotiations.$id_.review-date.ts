import type { ActionFunctionArgs } from "@remix-run/node";
import { reviewDateMs, reviewDateSchema } from "../../shared/agreements/snapshot";
import { apiResponse, readJson, setReviewDate } from "../utils/agreements.server";
import { requireMember } from "../utils/member.server";

/** POST /api/negotiations/:id/review-date — {date: "YYYY-MM-DD"}: when the agreement is next reviewed. */
export async function action({ request, context, params }: ActionFunctionArgs) {
  const member = await requireMember(request, context, params, { api: true });
  const { date } = await readJson(request, context, reviewDateSchema);
  return apiResponse(request, context, () => setReviewDate(context.services, member.negotiationId, member, reviewDateMs(date)));
}
