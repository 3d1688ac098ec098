import type { Node as PMNode } from "prosemirror-model";
import type { z } from "zod";
import { insertDecision } from "../../db/queries/clauseAgreements";
import { clauseHash, hasProposal } from "../../shared/agreements/contentHash";
import { structureHash, structureUnitId } from "../../shared/agreements/scheduleStructure";
import type { AgreementSnapshot, decisionSchema } from "../../shared/agreements/snapshot";
import { findClause } from "../../shared/editor/numbering";
import { labelList, placeholdersIn } from "../../shared/editor/placeholders";
import { translate, type Locale } from "../../shared/i18n/index";
import type { Member } from "../../shared/member";
import { authorize, policyState } from "../authorize";
import type { Services } from "../context";
import { DomainError } from "../errors";
import { createThread } from "../threads/threads";
import { announceMove } from "../activity/announceMove";
import { recordMove } from "../activity/recordMove";
import { publishAgreements } from "./agreementSnapshot";
import { readSchedule } from "./scheduleDocument";

/** The unit a decision is about, as the server holds it now; null when there is no such clause. */
function decidedUnit(doc: PMNode, unitId: string, locale: Locale) {
  if (unitId === structureUnitId)
    return {
      id: unitId,
      hash: structureHash(doc),
      number: "",
      heading: translate(locale, "agreement.structure.name"),
      isStructure: true,
      unfilled: [],
      proposalOpen: false,
    };
  const found = findClause(doc, unitId);
  if (!found) return null;
  const unfilled = placeholdersIn(found.node).map((p) => p.label);
  const heading = found.node.firstChild?.textContent ?? "";
  return { id: unitId, hash: clauseHash(found.node), number: found.number, heading, isStructure: false, unfilled, proposalOpen: hasProposal(found.node) };
}

/**
 * A party agrees to a clause or to the schedule's structure, or asks for a change (on a clause
 * that opens a shared thread with the reason; on the structure the reason stays with the decision).
 * The hash is the server's own, of the unit as the server holds it now; a client's `seenHash`
 * only guards against agreeing to text that changed while the member was reading it.
 */
export async function decideClause(
  services: Services,
  negotiationId: string,
  actor: Member,
  input: z.infer<typeof decisionSchema>,
  locale: Locale = "en",
): Promise<AgreementSnapshot> {
  authorize(actor, "agree", await policyState(services.db, negotiationId));
  const party = actor.party!;
  const unit = decidedUnit(readSchedule(services, negotiationId), input.clauseId, locale);
  if (!unit) throw new DomainError(404, "agreements.error.noClause");
  if (input.seenHash && input.seenHash !== unit.hash) throw new DomainError(409, "agreements.error.changedMeanwhile");
  // A blank is not yet a term: nobody can agree to what it will say (asking for a change is fine).
  if (input.decision === "agreed" && unit.unfilled.length > 0) {
    throw new DomainError(409, "agreements.error.unfilledPlaceholder", { placeholders: unit.unfilled }, { labels: labelList(unit.unfilled) });
  }
  // The text is not settled while a proposal to change it is open (decision 020).
  if (input.decision === "agreed" && unit.proposalOpen) throw new DomainError(409, "agreements.error.openProposals");
  const needsChange = input.decision === "needs_change";
  const thread =
    needsChange && !unit.isStructure
      ? await createThread(
          services,
          negotiationId,
          actor,
          { clauseId: unit.id, visibility: "shared", body: input.reason!, anchor: null, quote: null },
          { byDecision: true },
        )
      : null;
  const reason = needsChange && unit.isStructure ? input.reason! : null;
  const move = await services.db.transaction().execute(async (trx) => {
    await insertDecision(trx, {
      negotiationId,
      clauseId: unit.id,
      party,
      decision: input.decision,
      hash: unit.hash,
      userId: actor.userId,
      threadId: thread?.id ?? null,
      reason,
      at: Date.now(),
    });
    return recordMove(
      trx,
      {
        negotiationId,
        userId: actor.userId,
        action: input.decision === "agreed" ? "clause.agreed" : "clause.needs_change",
        detail: {
          clauseId: unit.id,
          number: unit.number,
          heading: unit.heading,
          party,
          hash: unit.hash,
          ...(thread ? { threadId: thread.id } : {}),
          ...(reason ? { reason } : {}),
        },
      },
      party,
      { threadId: thread?.id },
    );
  });
  // An agreed clause takes only proposals from now on; one no longer agreed takes edits again.
  services.collaboration.followAgreements(negotiationId);
  announceMove(services, move);
  return publishAgreements(services, negotiationId);
}
