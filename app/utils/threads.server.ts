import { json, type AppLoadContext } from "@remix-run/node";
import { memberRole } from "../../db/queries/negotiations";
import { apiResponse } from "./apiResponse.server";
import { requireApiAuth } from "./auth.server";

export { actOnComment, actOnThread, createThread, visibleThreads } from "../../server/threads/threads";
export { readJson } from "./readJson.server";

/** The JSON API's gate: a session (401) and membership (404, like a missing negotiation). */
export async function requireApiMember(context: AppLoadContext, negotiationId: string) {
  const { user } = requireApiAuth(context);
  const role = await memberRole(context.services.db, negotiationId, user.id);
  if (!role) throw json({ error: "No such negotiation, or you are not a member." }, { status: 404 });
  return { userId: user.id, name: user.name, role };
}

/** Runs a thread mutation and answers with the changed thread, or the refusal in the user's language. */
export function threadResponse(request: Request, context: AppLoadContext, run: () => Promise<unknown>, status = 200) {
  return apiResponse(request, context, async () => ({ thread: await run() }), status);
}
