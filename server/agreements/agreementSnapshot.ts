import { lastRoundOpening } from "../../db/queries/auditLog";
import { latestDecisionRows } from "../../db/queries/clauseAgreements";
import { negotiationState } from "../../db/queries/negotiations";
import { roundSignoffs } from "../../db/queries/signoffs";
import { latestEffectiveVersion } from "../../db/queries/versions";
import type { AgreementSnapshot, OpenRoundView } from "../../shared/agreements/snapshot";
import type { DB } from "../../db/connection";
import { CustomMessage } from "../../shared/collaboration/messages";
import type { Services } from "../context";

export async function loadAgreementSnapshot(services: Services, negotiationId: string): Promise<AgreementSnapshot> {
  const state = await negotiationState(services.db, negotiationId);
  const signoffs = await roundSignoffs(services.db, negotiationId, state.round);
  return {
    round: state.round,
    frozenAt: state.frozenAt,
    reviewDueAt: state.reviewDueAt,
    decisions: await latestDecisionRows(services.db, negotiationId),
    signoffs: signoffs.map(({ party, userName, hash, at }) => ({ party, userName, hash, at })),
    openRound: state.frozen ? null : await openRound(services.db, negotiationId),
  };
}

/** A thawed schedule with an effective version behind it is in a round; the first draft is not. */
async function openRound(db: DB, negotiationId: string): Promise<OpenRoundView | null> {
  const inForce = await latestEffectiveVersion(db, negotiationId);
  const opening = await lastRoundOpening(db, negotiationId);
  return inForce && opening ? { kind: opening.kind, openedAt: opening.at, inForce } : null;
}

/** Sends the new state to everyone with the negotiation open: it is the same for every member. */
export async function publishAgreements(services: Services, negotiationId: string): Promise<AgreementSnapshot> {
  const snapshot = await loadAgreementSnapshot(services, negotiationId);
  services.collaboration.push(negotiationId, CustomMessage.agreements, snapshot, () => true);
  return snapshot;
}
