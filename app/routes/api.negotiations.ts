import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { newNegotiationSchema } from "../../shared/templates/wizardAnswers";
import { getLocale } from "../utils/locale.server";
import { listNegotiationsForUser } from "../utils/negotiations.server";
import { startNegotiation } from "../utils/negotiationForms.server";
import { apiResponse, DomainError, refuse } from "../utils/respond.server";
import { readJson } from "../utils/readJson.server";
import { requireUser } from "../utils/member.server";

/** GET /api/negotiations — the caller's negotiations as [{id, title, role}]. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user } = requireUser(request, context, { api: true });
  const negotiations = await listNegotiationsForUser(context.services.db, user.id);
  return json(negotiations.map(({ id, title, role }) => ({ id, title, role })));
}

/** POST /api/negotiations — starts a negotiation from the wizard's inputs as JSON; 201 {id}. */
export async function action({ request, context }: ActionFunctionArgs) {
  const { user } = requireUser(request, context, { api: true });
  if (request.method !== "POST") refuse(request, context, new DomainError(405, "error.methodNotAllowed"), "api");
  const input = await readJson(request, context, newNegotiationSchema);
  return apiResponse(request, context, async () => ({ id: await startNegotiation(context.services, user.id, input, getLocale(request, context)) }), 201);
}
