import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { planSessionSchema } from "../../shared/moderatedSessions/requests";
import { requireMember } from "../utils/member.server";
import { readJson } from "../utils/readJson.server";
import { apiResponse } from "../utils/respond.server";
import { getLocale } from "../utils/locale.server";
import { planSession, proposedAgenda, reviewAgenda, sessionSummaries } from "../utils/sessions.server";

/**
 * GET /api/negotiations/:id/sessions — every session, the agenda proposed from what is open now,
 * and with an agreement in force the periodic review's agenda (else null); titles in the reader's language.
 */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const member = await requireMember(request, context, params, { api: true });
  const locale = getLocale(request, context);
  return apiResponse(request, context, async () => ({
    sessions: await sessionSummaries(context.services.db, member.negotiationId),
    proposedAgenda: await proposedAgenda(context.services, member.negotiationId, locale),
    reviewAgenda: await reviewAgenda(context.services, member.negotiationId, locale),
  }));
}

/** POST /api/negotiations/:id/sessions — {plannedAt, moderatorId?, agenda?}: plans a session → {id}. */
export async function action({ request, context, params }: ActionFunctionArgs) {
  const member = await requireMember(request, context, params, { api: true });
  const plan = await readJson(request, context, planSessionSchema);
  return apiResponse(
    request,
    context,
    () => planSession(context.services, member.negotiationId, member, { ...plan, plannedAt: Date.parse(plan.plannedAt) }),
    201,
  );
}
