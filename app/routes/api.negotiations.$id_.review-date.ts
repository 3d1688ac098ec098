import type { ActionFunctionArgs } from "@remix-run/node";
import { reviewDateMs, reviewDateSchema } from "../../shared/agreements/snapshot";
import { apiResponse, readJson, requireApiActor, setReviewDate } from "../utils/agreements.server";

/** POST /api/negotiations/:id/review-date — {date: "YYYY-MM-DD"}: when the agreement is next reviewed. */
export async function action({ request, context, params }: ActionFunctionArgs) {
  const actor = await requireApiActor(context, params.id ?? "");
  const { date } = await readJson(request, reviewDateSchema);
  return apiResponse(request, context, () => setReviewDate(context.services, params.id!, actor, reviewDateMs(date)));
}
