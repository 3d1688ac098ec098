import { json, type AppLoadContext } from "@remix-run/node";
import { memberRole } from "../../db/queries/negotiations";
import { NegotiationError } from "../../server/negotiations/negotiationError";
import { translate } from "../../shared/i18n/index";
import { requireApiAuth } from "./auth.server";
import { getLocale } from "./locale.server";

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
export async function threadResponse(request: Request, context: AppLoadContext, run: () => Promise<unknown>, status = 200) {
  try {
    return json({ thread: await run() }, { status });
  } catch (error) {
    if (error instanceof NegotiationError) {
      return json({ error: translate(getLocale(request, context), error.messageKey), code: error.messageKey }, { status: error.status });
    }
    throw error;
  }
}
