import { latestDecisionRows, roundSignoffs } from "../../db/queries/agreements";
import type { AgreementSnapshot } from "../../shared/agreements/snapshot";
import { CustomMessage } from "../../shared/collaboration/messages";
import type { Services } from "../context";

export async function loadAgreementSnapshot(services: Services, negotiationId: string): Promise<AgreementSnapshot> {
  const negotiation = await services.db
    .selectFrom("negotiations")
    .select(["round", "frozen_at", "review_due_at"])
    .where("id", "=", negotiationId)
    .executeTakeFirstOrThrow();
  const signoffs = await roundSignoffs(services.db, negotiationId, negotiation.round);
  return {
    round: negotiation.round,
    frozenAt: negotiation.frozen_at,
    reviewDueAt: negotiation.review_due_at,
    decisions: await latestDecisionRows(services.db, negotiationId),
    signoffs: signoffs.map(({ party, userName, hash, at }) => ({ party, userName, hash, at })),
  };
}

/** Sends the new state to everyone with the negotiation open: it is the same for every member. */
export async function publishAgreements(services: Services, negotiationId: string): Promise<AgreementSnapshot> {
  const snapshot = await loadAgreementSnapshot(services, negotiationId);
  services.collaboration.push(negotiationId, CustomMessage.agreements, snapshot, () => true);
  return snapshot;
}
