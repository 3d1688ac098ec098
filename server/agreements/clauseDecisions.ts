import type { z } from "zod";
import { insertDecision } from "../../db/queries/agreements";
import { audit } from "../../db/queries/auditLog";
import { clauseHash } from "../../shared/agreements/contentHash";
import type { AgreementSnapshot, decisionSchema } from "../../shared/agreements/snapshot";
import { findClause } from "../../shared/editor/numbering";
import { can } from "../../shared/permissions";
import { partyOf, type Role } from "../../shared/roles";
import type { Services } from "../context";
import { NegotiationError } from "../negotiations/negotiationError";
import { createThread } from "../threads/threads";
import { publishAgreements } from "./agreementSnapshot";
import { readSchedule } from "./scheduleDocument";

export interface AgreementActor {
  userId: string;
  name: string;
  role: Role;
  isOwner: boolean;
}

/** Which round the negotiation is in, and whether its signed agreement is frozen. */
export async function roundState(services: Services, negotiationId: string): Promise<{ round: number; frozen: boolean }> {
  const row = await services.db.selectFrom("negotiations").select(["round", "frozen_at"]).where("id", "=", negotiationId).executeTakeFirstOrThrow();
  return { round: row.round, frozen: row.frozen_at !== null };
}

/**
 * A party agrees to a clause, or asks for a change (which opens a shared thread with the reason).
 * The hash is the server's own, of the clause as the server holds it now; a client's `seenHash`
 * only guards against agreeing to text that changed while the member was reading it.
 */
export async function decideClause(
  services: Services,
  negotiationId: string,
  actor: AgreementActor,
  input: z.infer<typeof decisionSchema>,
): Promise<AgreementSnapshot> {
  const party = partyOf(actor.role);
  if (!party || !can(actor.role, "agree")) throw new NegotiationError(403, "agreements.error.notParty");
  if ((await roundState(services, negotiationId)).frozen) throw new NegotiationError(409, "agreements.error.frozen");
  const found = findClause(readSchedule(services, negotiationId), input.clauseId);
  if (!found) throw new NegotiationError(404, "agreements.error.noClause");
  const clause = { id: input.clauseId, hash: clauseHash(found.node), number: found.number, heading: found.node.firstChild?.textContent ?? "" };
  if (input.seenHash && input.seenHash !== clause.hash) throw new NegotiationError(409, "agreements.error.changedMeanwhile");
  const thread =
    input.decision === "needs_change"
      ? await createThread(services, negotiationId, actor, { clauseId: clause.id, visibility: "shared", body: input.reason!, anchor: null, quote: null })
      : null;
  await services.db.transaction().execute(async (trx) => {
    await insertDecision(trx, { negotiationId, clauseId: clause.id, party, decision: input.decision, hash: clause.hash, userId: actor.userId, threadId: thread?.id ?? null, at: Date.now() });
    await audit(trx, {
      negotiationId,
      userId: actor.userId,
      action: input.decision === "agreed" ? "clause.agreed" : "clause.needs_change",
      detail: { clauseId: clause.id, number: clause.number, heading: clause.heading, party, hash: clause.hash, ...(thread ? { threadId: thread.id } : {}) },
    });
  });
  return publishAgreements(services, negotiationId);
}
