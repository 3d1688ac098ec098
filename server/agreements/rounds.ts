import { audit } from "../../db/queries/auditLog";
import { negotiationState, openNextRound, setReviewDueAt } from "../../db/queries/negotiations";
import { hasEffectiveVersion } from "../../db/queries/versions";
import { calendarDate, type AgreementSnapshot } from "../../shared/agreements/snapshot";
import { can } from "../../shared/permissions";
import { partyOf } from "../../shared/roles";
import type { Services } from "../context";
import { NegotiationError } from "../negotiations/negotiationError";
import { publishAgreements } from "./agreementSnapshot";
import type { AgreementActor } from "./clauseDecisions";
import { changeFrozenState } from "./frozenState";

/**
 * Opens an amendment round on an agreement in force: a new draft from the effective text, which
 * stays in force until the parties sign again. Agreements are pinned to clause content, so every
 * clause nobody touches stays agreed and only changed clauses need agreeing again. Either party
 * may open one; an advisor opens the same kind of round as a periodic review.
 */
export async function openRound(services: Services, negotiationId: string, actor: AgreementActor): Promise<AgreementSnapshot> {
  if (!can(actor.role, "agree") && !can(actor.role, "moderate")) throw new NegotiationError(403, "agreements.error.cannotOpenRound");
  if (!(await negotiationState(services.db, negotiationId)).frozen) throw new NegotiationError(409, "agreements.error.notEffective");
  const kind = partyOf(actor.role) ? "amendment" : "review";
  await changeFrozenState(services, negotiationId, async (trx) => {
    const round = await openNextRound(trx, negotiationId);
    await audit(trx, { negotiationId, userId: actor.userId, action: "amendment.opened", detail: { round, kind } });
  });
  return publishAgreements(services, negotiationId);
}

/** Owners of either party, and advisors, set when the agreement is next reviewed. */
export async function setReviewDate(services: Services, negotiationId: string, actor: AgreementActor, dueAt: number): Promise<AgreementSnapshot> {
  const allowed = (partyOf(actor.role) && actor.isOwner) || can(actor.role, "moderate");
  if (!allowed) throw new NegotiationError(403, "agreements.error.cannotSetReview");
  if (!(await hasEffectiveVersion(services.db, negotiationId))) throw new NegotiationError(409, "agreements.error.noEffectiveYet");
  await services.db.transaction().execute(async (trx) => {
    await setReviewDueAt(trx, negotiationId, dueAt);
    await audit(trx, { negotiationId, userId: actor.userId, action: "review_date.set", detail: { dueAt: calendarDate(dueAt) } });
  });
  return publishAgreements(services, negotiationId);
}
