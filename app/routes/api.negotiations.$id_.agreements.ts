import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { progressOf } from "../../shared/agreements/clauseStatus";
import { decisionSchema } from "../../shared/agreements/snapshot";
import { apiResponse, decideClause, loadAgreementSnapshot, readJson, readSchedule, recordStatuses } from "../utils/agreements.server";
import { getLocale } from "../utils/locale.server";
import { requireMember } from "../utils/member.server";

/**
 * GET /api/negotiations/:id/agreements — the status of every clause and, last, of the schedule's
 * structure ("schedule-structure"), computed by the server from its own copy of the schedule; the
 * progress; and the raw state (decisions, sign-offs, round).
 */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const member = await requireMember(request, context, params, { api: true });
  const doc = readSchedule(context.services, member.negotiationId);
  const clauses = await recordStatuses(context.services.db, member.negotiationId, doc);
  return json({
    progress: progressOf(clauses),
    clauses,
    ...(await loadAgreementSnapshot(context.services, member.negotiationId)),
  });
}

/** POST /api/negotiations/:id/agreements — {clauseId (or "schedule-structure"), decision: "agreed" | "needs_change", reason?, seenHash?}. */
export async function action({ request, context, params }: ActionFunctionArgs) {
  const member = await requireMember(request, context, params, { api: true });
  const input = await readJson(request, context, decisionSchema);
  return apiResponse(request, context, () => decideClause(context.services, member.negotiationId, member, input, getLocale(request, context)));
}
