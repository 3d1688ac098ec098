import type { Node as PMNode } from "prosemirror-model";
import { freezeNegotiation, negotiationState } from "../../db/queries/negotiations";
import { insertSignoff, linkSignoffsToVersion, roundSignoffs } from "../../db/queries/signoffs";
import { scheduleHash } from "../../shared/agreements/contentHash";
import { structureUnitId } from "../../shared/agreements/scheduleStructure";
import type { AgreementSnapshot } from "../../shared/agreements/snapshot";
import { forEachClause } from "../../shared/editor/numbering";
import { placeholdersIn } from "../../shared/editor/placeholders";
import { translate, type Locale } from "../../shared/i18n/index";
import type { Member } from "../../shared/member";
import { authorize, policyState } from "../authorize";
import type { Services } from "../context";
import { DomainError } from "../errors";
import { announceMove } from "../activity/announceMove";
import { recordMove, type Move } from "../activity/recordMove";
import { watchNewSignoff } from "../activity/signoffVoiding";
import { publishAgreements } from "./agreementSnapshot";
import { changeFrozenState } from "./frozenState";
import { readScheduleWithState } from "./scheduleDocument";
import { insertVersion, recordStatuses } from "./versions";

/** The labels of each clause's unfilled placeholders: what the parties must fill in before agreeing. */
function unfilledByClause(doc: PMNode): Map<string, string[]> {
  const out = new Map<string, string[]>();
  forEachClause(doc, (clause) => {
    const labels = placeholdersIn(clause).map((p) => p.label);
    if (labels.length > 0) out.set(clause.attrs.id as string, labels);
  });
  return out;
}

const reviewAfterMs = 365 * 24 * 60 * 60 * 1000;

/**
 * A party owner signs off on the schedule as it is now. Refused, with what blocks it, unless every
 * clause and the schedule's structure (headings and order, decision 007) are agreed by both
 * parties. When the other party has signed the same text (same schedule hash) in this round, that
 * text becomes the effective agreement: a version, frozen, with a review date a year on.
 *
 * Checking and freezing happen without yielding to the event loop (better-sqlite3 is synchronous;
 * Kysely's promises resolve as microtasks), so no edit from a socket can land between the check of
 * the text and the freeze. Keep it that way: no timers or network I/O in here.
 */
export async function signOff(services: Services, negotiationId: string, actor: Member, locale: Locale): Promise<AgreementSnapshot & { effective: boolean }> {
  const schedule = readScheduleWithState(services, negotiationId);
  const hash = scheduleHash(schedule.doc);
  // Refused (409) when this party already signed this very text in this round: once is the sign-off.
  authorize(actor, "signOff", await policyState(services.db, negotiationId, hash));
  const party = actor.party!;
  const { round } = await negotiationState(services.db, negotiationId);
  const statuses = await recordStatuses(services.db, negotiationId, schedule.doc);
  if (statuses.every((s) => s.clauseId === structureUnitId)) throw new DomainError(409, "agreements.error.empty");
  const unfilled = unfilledByClause(schedule.doc);
  const blocking = statuses
    .filter((s) => s.status !== "agreed")
    .map(({ clauseId, number, heading, status }) => ({ clauseId, number, heading, status, placeholders: unfilled.get(clauseId) ?? [] }));
  if (blocking.length > 0) throw new DomainError(409, "agreements.error.notAllAgreed", { blocking });

  const otherSigned = (await roundSignoffs(services.db, negotiationId, round)).some((s) => s.party !== party && s.hash === hash);
  const now = Date.now();
  const moves = await changeFrozenState(services, negotiationId, async (trx): Promise<Move[]> => {
    await insertSignoff(trx, { negotiationId, round, party, userId: actor.userId, hash, at: now });
    const signed = await recordMove(trx, { negotiationId, userId: actor.userId, action: "signoff", detail: { party, round, hash } }, party);
    if (!otherSigned) return [signed];
    const version = await insertVersion(trx, {
      negotiationId,
      name: translate(locale, round === 0 ? "versions.effectiveName" : "versions.effectiveAmendmentName", { round }),
      kind: "effective",
      round,
      userId: actor.userId,
      schedule,
      statuses,
    });
    await linkSignoffsToVersion(trx, negotiationId, round, hash, version.id);
    await freezeNegotiation(trx, negotiationId, now, now + reviewAfterMs);
    // Both parties learn that the agreement is in force, the signer's own colleagues too.
    const effective = await recordMove(
      trx,
      { negotiationId, userId: actor.userId, action: "agreement.effective", detail: { version: version.number, round, hash } },
      null,
    );
    return [signed, effective];
  });
  watchNewSignoff(services, negotiationId);
  for (const move of moves) announceMove(services, move);
  return { ...(await publishAgreements(services, negotiationId)), effective: otherSigned };
}
