import { json, type AppLoadContext } from "@remix-run/node";
import { membership } from "../../db/queries/negotiations";
import type { AgreementActor } from "../../server/agreements/clauseDecisions";
import { requireApiAuth } from "./auth.server";

export { decideClause } from "../../server/agreements/clauseDecisions";
export { signOff } from "../../server/agreements/signOff";
export { openRound, setReviewDate } from "../../server/agreements/rounds";
export { effectiveHistory, getVersion, listVersions, recordStatuses, saveVersion } from "../../server/agreements/versions";
export { loadAgreementSnapshot } from "../../server/agreements/agreementSnapshot";
export { readSchedule } from "../../server/agreements/scheduleDocument";
export { apiResponse } from "./apiResponse.server";
export { readJson } from "./readJson.server";

/** The JSON API's gate for agreement routes: a session (401) and membership (404), with ownership. */
export async function requireApiActor(context: AppLoadContext, negotiationId: string): Promise<AgreementActor> {
  const { user } = requireApiAuth(context);
  const member = await membership(context.services.db, negotiationId, user.id);
  if (!member) throw json({ error: "No such negotiation, or you are not a member." }, { status: 404 });
  return { userId: user.id, name: user.name, role: member.role, isOwner: member.isOwner };
}
export { changesSince } from "../../server/agreements/redline";
export { compareVersions } from "../../server/agreements/compareVersions";
export { listAudit } from "../../db/queries/auditLog";
export { auditCsv } from "../../server/agreements/auditCsv";
export { exportVersion } from "../../server/agreements/exports/exportVersion";
export { agreementProgress, reviewWarningMs } from "../../server/agreements/agreementProgress";
