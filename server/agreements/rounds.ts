import { audit } from "../../db/queries/auditLog";
import { openNextRound, setReviewDueAt } from "../../db/queries/negotiations";
import { calendarDate, type AgreementSnapshot } from "../../shared/agreements/snapshot";
import type { Member } from "../../shared/member";
import { authorize, policyState } from "../authorize";
import type { Services } from "../context";
import { announceMove } from "../activity/announceMove";
import { recordMove } from "../activity/recordMove";
import { publishAgreements } from "./agreementSnapshot";
import { changeFrozenState } from "./frozenState";

/**
 * Opens an amendment round on an agreement in force: a new draft from the effective text, which
 * stays in force until the parties sign again. Agreements are pinned to clause content, so every
 * clause nobody touches stays agreed and only changed clauses need agreeing again. Either party
 * may open one; an advisor opens the same kind of round as a periodic review.
 */
export async function openRound(services: Services, negotiationId: string, actor: Member): Promise<AgreementSnapshot> {
  authorize(actor, "openRound", await policyState(services.db, negotiationId));
  const kind = actor.party ? "amendment" : "review";
  const move = await changeFrozenState(services, negotiationId, async (trx) => {
    const round = await openNextRound(trx, negotiationId);
    return recordMove(trx, { negotiationId, userId: actor.userId, action: "amendment.opened", detail: { round, kind } }, actor.party);
  });
  announceMove(services, move);
  return publishAgreements(services, negotiationId);
}

/** Owners of either party, and advisors, set when the agreement is next reviewed. */
export async function setReviewDate(services: Services, negotiationId: string, actor: Member, dueAt: number): Promise<AgreementSnapshot> {
  authorize(actor, "setReviewDate", await policyState(services.db, negotiationId));
  await services.db.transaction().execute(async (trx) => {
    await setReviewDueAt(trx, negotiationId, dueAt);
    await audit(trx, { negotiationId, userId: actor.userId, action: "review_date.set", detail: { dueAt: calendarDate(dueAt) } });
  });
  return publishAgreements(services, negotiationId);
}
