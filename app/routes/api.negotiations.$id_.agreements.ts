import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { progressOf } from "../../shared/agreements/clauseStatus";
import { decisionSchema } from "../../shared/agreements/snapshot";
import { apiResponse, decideClause, loadAgreementSnapshot, readJson, readSchedule, recordStatuses, requireApiActor } from "../utils/agreements.server";
import { getLocale } from "../utils/locale.server";

/**
 * GET /api/negotiations/:id/agreements — the status of every clause and, last, of the schedule's
 * structure ("schedule-structure"), computed by the server from its own copy of the schedule; the
 * progress; and the raw state (decisions, sign-offs, round).
 */
export async function loader({ context, params }: LoaderFunctionArgs) {
  await requireApiActor(context, params.id ?? "");
  const doc = readSchedule(context.services, params.id!);
  const clauses = await recordStatuses(context.services.db, params.id!, doc);
  return json({
    progress: progressOf(clauses),
    clauses,
    ...(await loadAgreementSnapshot(context.services, params.id!)),
  });
}

/** POST /api/negotiations/:id/agreements — {clauseId (or "schedule-structure"), decision: "agreed" | "needs_change", reason?, seenHash?}. */
export async function action({ request, context, params }: ActionFunctionArgs) {
  const actor = await requireApiActor(context, params.id ?? "");
  const input = await readJson(request, decisionSchema);
  return apiResponse(request, context, () => decideClause(context.services, params.id!, actor, input, getLocale(request, context)));
}
