import { audit } from "../../db/queries/auditLog";
import { calendarDate, type AgreementSnapshot } from "../../shared/agreements/snapshot";
import { can } from "../../shared/permissions";
import { partyOf } from "../../shared/roles";
import type { Services } from "../context";
import { NegotiationError } from "../negotiations/negotiationError";
import { publishAgreements } from "./agreementSnapshot";
import { roundState, type AgreementActor } from "./clauseDecisions";

/**
 * Opens an amendment round on an agreement in force: a new draft from the effective text, which
 * stays in force until the parties sign again. Agreements are pinned to clause content, so every
 * clause nobody touches stays agreed and only changed clauses need agreeing again. Either party
 * may open one; an advisor opens the same kind of round as a periodic review.
 */
export async function openRound(services: Services, negotiationId: string, actor: AgreementActor): Promise<AgreementSnapshot> {
  if (!can(actor.role, "agree") && !can(actor.role, "moderate")) throw new NegotiationError(403, "agreements.error.cannotOpenRound");
  if (!(await roundState(services, negotiationId)).frozen) throw new NegotiationError(409, "agreements.error.notEffective");
  const kind = partyOf(actor.role) ? "amendment" : "review";
  await services.db.transaction().execute(async (trx) => {
    const { round } = await trx.selectFrom("negotiations").select("round").where("id", "=", negotiationId).executeTakeFirstOrThrow();
    await trx.updateTable("negotiations").set({ round: round + 1, frozen_at: null }).where("id", "=", negotiationId).execute();
    await audit(trx, { negotiationId, userId: actor.userId, action: "amendment.opened", detail: { round: round + 1, kind } });
  });
  services.collaboration.setFrozen(negotiationId, false);
  services.collaboration.reconnectAll(negotiationId);
  return publishAgreements(services, negotiationId);
}

/** Owners of either party, and advisors, set when the agreement is next reviewed. */
export async function setReviewDate(services: Services, negotiationId: string, actor: AgreementActor, dueAt: number): Promise<AgreementSnapshot> {
  const allowed = (partyOf(actor.role) && actor.isOwner) || can(actor.role, "moderate");
  if (!allowed) throw new NegotiationError(403, "agreements.error.cannotSetReview");
  const effective = await services.db.selectFrom("versions").select("id").where("negotiation_id", "=", negotiationId).where("kind", "=", "effective").executeTakeFirst();
  if (!effective) throw new NegotiationError(409, "agreements.error.noEffectiveYet");
  await services.db.transaction().execute(async (trx) => {
    await trx.updateTable("negotiations").set({ review_due_at: dueAt }).where("id", "=", negotiationId).execute();
    await audit(trx, { negotiationId, userId: actor.userId, action: "review_date.set", detail: { dueAt: calendarDate(dueAt) } });
  });
  return publishAgreements(services, negotiationId);
}
