import { createNegotiation } from "../../../db/queries/negotiations";
import { audit } from "../../../db/queries/auditLog";
import type { Catalogue } from "../../../shared/knowledge/catalogue";
import { suggestRequirement } from "../../../shared/knowledge/suggestRequirement";
import type { Services } from "../../context";
import { reserve } from "../../rateLimits/ledger";
import { negotiationBudget, RateLimitedError } from "../../rateLimits/budgets";
import { buildImportedSchedule } from "./buildImportedSchedule";
import type { ImportBasics } from "./importBasics";
import { plainText, type EntryRole, type ParsedDocx } from "../../../shared/wordImport/importedDocument";
import { importOutline } from "./importOutline";
import { recordImportedProposals } from "./recordImportedProposals";

/** The parsed file with the creator's roles applied. */
export const withRoles = (parsed: ParsedDocx, roles: EntryRole[]): ParsedDocx => ({
  ...parsed,
  entries: parsed.entries.map((e, i) => ({ ...e, role: roles[i] ?? e.role })),
});

/** Each clause's suggested requirement, by clause key. */
export function clauseSuggestions(catalogue: Catalogue, parsed: ParsedDocx) {
  const suggestions = new Map<number, ReturnType<typeof suggestRequirement>>();
  for (const section of importOutline(parsed.entries)) {
    for (const clause of section.clauses) {
      const heading = clause.heading === null ? "" : plainText(parsed.entries[clause.heading]!.block);
      const body = clause.body.map((i) => plainText(parsed.entries[i]!.block)).join(" ");
      suggestions.set(clause.key, suggestRequirement(catalogue, heading, body));
    }
  }
  return suggestions;
}

/**
 * Starts a negotiation from a Word file: the same row, owner and budget as the wizard, the
 * document built from the file, and its tracked changes handed over as proposals.
 * `choices` are the creator's requirement links by clause key; a clause without one takes the suggestion.
 */
export async function startFromWord(
  services: Services,
  creatorId: string,
  input: { basics: ImportBasics; parsed: ParsedDocx; choices?: Record<number, string | null> },
): Promise<{ id: string; proposals: number }> {
  const { db, documents, catalogue } = services;
  const known = new Set(catalogue.requirements.map((r) => r.id));
  const requirements = new Map<number, string | null>();
  for (const [key, suggestion] of clauseSuggestions(catalogue, input.parsed)) {
    const chosen = input.choices?.[key];
    requirements.set(key, chosen === undefined ? (suggestion?.requirementId ?? null) : chosen !== null && known.has(chosen) ? chosen : null);
  }
  const { doc, proposals } = buildImportedSchedule(input.parsed, requirements);
  const budget = await reserve(db, [negotiationBudget(creatorId, services.config.negotiationsPerUserPerDay)]);
  if (!budget.ok) throw new RateLimitedError("wizard.error.rateLimited", budget.retryAfterMs);
  const { basics } = input;
  const [buyerOrg, supplierOrg] = basics.side === "buyer" ? [basics.ourOrg, basics.counterpartyOrg] : [basics.counterpartyOrg, basics.ourOrg];
  const id = await createNegotiation(db, {
    title: basics.title,
    buyerOrg,
    supplierOrg,
    createdBy: creatorId,
    members: [{ userId: creatorId, role: basics.side, isOwner: true }],
    setup: { start: "word" },
  });
  documents.create(id, doc);
  await db.transaction().execute(async (trx) => {
    await audit(trx, { negotiationId: id, userId: creatorId, action: "member.joined", detail: { role: basics.side, owner: true, started: "word" } });
    await recordImportedProposals(trx, id, proposals, { userId: creatorId, party: basics.side });
  });
  return { id, proposals: proposals.length };
}
