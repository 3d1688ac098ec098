import type { DB } from "../db/connection";
import { negotiationState } from "../db/queries/negotiations";
import { roundSignoffs } from "../db/queries/signoffs";
import { hasEffectiveVersion } from "../db/queries/versions";
import type { Asker } from "../shared/member";
import { refusal, type Action, type MemberTarget, type NegotiationState } from "../shared/policy";
import { DomainError } from "./errors";

/** The server's side of the policy: the refusal `shared/policy.ts` gives, thrown as a DomainError. */
export function authorize(asker: Asker, action: Action, state?: NegotiationState, target?: MemberTarget): void {
  const refused = refusal(asker, action, state, target);
  if (refused) throw new DomainError(refused.status, refused.messageKey);
}

/**
 * The state the policy's state rules look at, read fresh for each decision. With the hash of the
 * schedule as it is now, it also says which parties signed that text in this round (sign-off rules).
 */
export async function policyState(db: DB, negotiationId: string, currentHash?: string): Promise<NegotiationState> {
  const { frozen, round, sessionsByAdvisorsOnly } = await negotiationState(db, negotiationId);
  const state: NegotiationState = { frozen, hasEffectiveVersion: await hasEffectiveVersion(db, negotiationId), sessionsByAdvisorsOnly };
  if (currentHash === undefined) return state;
  const signed = (await roundSignoffs(db, negotiationId, round)).filter((s) => s.hash === currentHash).map((s) => s.party);
  return { ...state, signedCurrentText: signed };
}
