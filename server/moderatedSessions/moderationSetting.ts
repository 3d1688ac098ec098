import { negotiationState, setSessionsByAdvisorsOnly } from "../../db/queries/negotiations";
import type { Member } from "../../shared/member";
import { announceMove } from "../activity/announceMove";
import { recordMove } from "../activity/recordMove";
import { authorize, policyState } from "../authorize";
import type { Services } from "../context";

/** A party owner decides whether only advisors plan and run sessions (on by default, decision 032); the other side sees it. */
export async function setSessionModeration(
  services: Services,
  negotiationId: string,
  actor: Member,
  advisorsOnly: boolean,
): Promise<{ sessionsByAdvisorsOnly: boolean }> {
  authorize(actor, "setSessionModeration", await policyState(services.db, negotiationId));
  const move = await services.db.transaction().execute(async (trx) => {
    const { sessionsByAdvisorsOnly: from } = await negotiationState(trx, negotiationId);
    if (from === advisorsOnly) return null;
    await setSessionsByAdvisorsOnly(trx, negotiationId, advisorsOnly);
    return recordMove(trx, { negotiationId, userId: actor.userId, action: "settings.sessions", detail: { advisorsOnly } }, actor.party);
  });
  if (move) announceMove(services, move);
  return { sessionsByAdvisorsOnly: advisorsOnly };
}
