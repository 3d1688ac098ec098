import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { newNegotiationSchema } from "../../shared/templates/wizardAnswers";
import { requireApiAuth } from "../utils/auth.server";
import { getLocale } from "../utils/locale.server";
import { listNegotiationsForUser } from "../utils/negotiations.server";
import { NegotiationError, startNegotiation } from "../utils/negotiationForms.server";

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
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    return json({ error: "The body must be JSON (Content-Type: application/json)." }, { status: 400 });
  }
  const parsed = newNegotiationSchema.safeParse(body);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
    return json({ error: "Invalid negotiation: see issues.", issues }, { status: 400 });
  }
  try {
    const id = await startNegotiation(context.services, user.id, parsed.data, getLocale(request, context));
    return json({ id }, { status: 201 });
  } catch (error) {
    if (error instanceof NegotiationError) return json({ error: error.messageKey }, { status: error.status });
    throw error;
  }
}
