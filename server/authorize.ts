import type { DB } from "../db/connection";
import { negotiationState } from "../db/queries/negotiations";
import { hasEffectiveVersion } from "../db/queries/versions";
import type { Asker } from "../shared/member";
import { refusal, type Action, type MemberTarget, type NegotiationState } from "../shared/policy";
import { DomainError } from "./errors";

/** The server's side of the policy: the refusal `shared/policy.ts` gives, thrown as a DomainError. */
export function authorize(asker: Asker, action: Action, state?: NegotiationState, target?: MemberTarget): void {
  const refused = refusal(asker, action, state, target);
  if (refused) throw new DomainError(refused.status, refused.messageKey);
}

/** The state the policy's state rules look at, read fresh for each decision. */
export async function policyState(db: DB, negotiationId: string): Promise<NegotiationState> {
  const { frozen } = await negotiationState(db, negotiationId);
  return { frozen, hasEffectiveVersion: await hasEffectiveVersion(db, negotiationId) };
}
