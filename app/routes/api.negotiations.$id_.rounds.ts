import type { ActionFunctionArgs } from "@remix-run/node";
import { apiResponse, openRound, requireApiActor } from "../utils/agreements.server";

/** POST /api/negotiations/:id/rounds — open an amendment (party) or review (advisor) round on an agreement in force. */
export async function action({ request, context, params }: ActionFunctionArgs) {
  const actor = await requireApiActor(context, params.id ?? "");
  return apiResponse(request, context, () => openRound(context.services, params.id!, actor), 201);
}
