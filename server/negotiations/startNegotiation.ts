import type { Node as PMNode } from "prosemirror-model";
import { createNegotiation, memberRole } from "../../db/queries/negotiations";
import { buildScheduleDoc } from "../../shared/editor/scheduleTemplate";
import { readSchedule } from "../agreements/scheduleDocument";
import { withoutProposals } from "../../shared/agreements/contentHash";
import { withFreshIds } from "../../shared/editor/uniqueIds";
import { translate, type Locale, type MessageKey } from "../../shared/i18n/index";
import { scheduleFromSelection, selectClauses } from "../../shared/templates/selectClauses";
import type { NewNegotiation } from "../../shared/templates/wizardAnswers";
import type { NegotiationSetup } from "../../shared/templates/negotiationSetup";
import { audit } from "../../db/queries/auditLog";
import type { Services } from "../context";
import { DomainError } from "../errors";
import { reserve } from "../rateLimits/ledger";
import { negotiationBudget, RateLimitedError } from "../rateLimits/budgets";

/**
 * Starts a negotiation: the row, its creator as owner of their party, and its document, made
 * from the wizard's template, empty, or copied from another negotiation the creator belongs to.
 */
export async function startNegotiation(services: Services, creatorId: string, input: NewNegotiation, locale: Locale): Promise<string> {
  const { db, documents } = services;
  const doc = await initialDocument(services, creatorId, input, locale);
  // Counted once the request is known to be valid, so a mistyped form costs nothing.
  const budget = await reserve(db, [negotiationBudget(creatorId, services.config.negotiationsPerUserPerDay)]);
  if (!budget.ok) throw new RateLimitedError("wizard.error.rateLimited", budget.retryAfterMs);
  const [buyerOrg, supplierOrg] = input.side === "buyer" ? [input.ourOrg, input.counterpartyOrg] : [input.counterpartyOrg, input.ourOrg];
  const setup: NegotiationSetup = input.start.kind === "template" ? setupRecord(services, input.start) : { start: input.start.kind };
  const id = await createNegotiation(db, {
    title: input.title,
    buyerOrg,
    supplierOrg,
    createdBy: creatorId,
    members: [{ userId: creatorId, role: input.side, isOwner: true }],
    setup,
  });
  documents.create(id, doc);
  await audit(db, { negotiationId: id, userId: creatorId, action: "member.joined", detail: { role: input.side, owner: true, started: input.start.kind } });
  return id;
}

async function initialDocument(services: Services, creatorId: string, input: NewNegotiation, locale: Locale): Promise<PMNode> {
  const start = input.start;
  if (start.kind === "empty") return buildScheduleDoc({ sections: [] });
  if (start.kind === "copy") {
    // Not a member of the source: the same answer as for a missing one.
    if (!(await memberRole(services.db, start.fromNegotiationId, creatorId))) throw new DomainError(404, "wizard.error.copySource");
    // Open proposals are the source's business (their records stay there): the copy starts from
    // the text as it stands without them.
    const source = readSchedule(services, start.fromNegotiationId);
    return withFreshIds(source.copy(withoutProposals(source.content)));
  }
  const selection = selectClauses(services.catalogue, start.context);
  const excluded = new Set(start.exclude);
  const level = start.level ?? selection.level;
  const clauses = selection.clauses.filter((c) => !excluded.has(c.requirementId));
  const template = scheduleFromSelection(services.catalogue, { level, regimes: selection.regimes, clauses }, locale, (category) =>
    translate(locale, `category.${category}` as MessageKey),
  );
  return buildScheduleDoc(template);
}

/** What the wizard decided and why, kept so later views can say why each clause is there. */
function setupRecord(services: Services, start: Extract<NewNegotiation["start"], { kind: "template" }>): NegotiationSetup {
  const selection = selectClauses(services.catalogue, start.context);
  return {
    start: "template",
    context: start.context,
    level: start.level ?? selection.level,
    regimes: selection.regimes,
    clauses: selection.clauses.filter((c) => !start.exclude.includes(c.requirementId)),
  };
}
