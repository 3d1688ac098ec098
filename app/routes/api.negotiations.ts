import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { newNegotiationSchema } from "../../shared/templates/wizardAnswers";
import { requireApiAuth } from "../utils/auth.server";
import { getLocale, serverT } from "../utils/locale.server";
import { listNegotiationsForUser } from "../utils/negotiations.server";
import { NegotiationError, RateLimitedError, retryAfter, startNegotiation } from "../utils/negotiationForms.server";
import { readJson } from "../utils/readJson.server";

/** GET /api/negotiations — the caller's negotiations as [{id, title, role}]. */
export async function loader({ context }: LoaderFunctionArgs) {
  const { user } = requireApiAuth(context);
  const negotiations = await listNegotiationsForUser(context.services.db, user.id);
  return json(negotiations.map(({ id, title, role }) => ({ id, title, role })));
}

/** POST /api/negotiations — starts a negotiation from the wizard's inputs as JSON; 201 {id}. */
export async function action({ request, context }: ActionFunctionArgs) {
  const { user } = requireApiAuth(context);
  if (request.method !== "POST") return json({ error: "Only POST is allowed here." }, { status: 405 });
  const input = await readJson(request, newNegotiationSchema);
  try {
    const id = await startNegotiation(context.services, user.id, input, getLocale(request, context));
    return json({ id }, { status: 201 });
  } catch (error) {
    if (error instanceof NegotiationError) return json({ error: error.messageKey }, { status: error.status });
    if (error instanceof RateLimitedError) {
      const { seconds, minutes } = retryAfter(error.retryAfterMs);
      const t = serverT(request, context);
      return json({ error: t(error.messageKey, { minutes }) }, { status: 429, headers: { "Retry-After": String(seconds) } });
    }
    throw error;
  }
}
