import type { ActionFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { apiResponse, readJson, requireApiActor, setReviewDate } from "../utils/agreements.server";

const reviewDateSchema = z.object({
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "Use YYYY-MM-DD.")
    .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)), "Not a calendar date."),
});

/** POST /api/negotiations/:id/review-date — {date: "YYYY-MM-DD"}: when the agreement is next reviewed. */
export async function action({ request, context, params }: ActionFunctionArgs) {
  const actor = await requireApiActor(context, params.id ?? "");
  const { date } = await readJson(request, reviewDateSchema);
  return apiResponse(request, context, () => setReviewDate(context.services, params.id!, actor, Date.parse(`${date}T00:00:00Z`)));
}
