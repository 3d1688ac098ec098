import { audit } from "../../db/queries/auditLog";
import { changesMode, setChangesMode } from "../../db/queries/proposals";
import type { Member } from "../../shared/member";
import type { ChangesMode } from "../../shared/proposals/proposals";
import { authorize, policyState } from "../authorize";
import type { Services } from "../context";

/** A party owner sets how the negotiation takes edits; connected browsers switch at once. */
export async function setChanges(services: Services, negotiationId: string, actor: Member, mode: ChangesMode): Promise<{ changes: ChangesMode }> {
  authorize(actor, "setChanges", await policyState(services.db, negotiationId));
  const changed = await services.db.transaction().execute(async (trx) => {
    const from = await changesMode(trx, negotiationId);
    if (from === mode) return false;
    await setChangesMode(trx, negotiationId, mode);
    await audit(trx, { negotiationId, userId: actor.userId, action: "settings.changes", detail: { from, to: mode } });
    return true;
  });
  if (changed) services.collaboration.followChangesMode(negotiationId, mode);
  return { changes: mode };
}
