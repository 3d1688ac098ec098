import type { Node as PMNode } from "prosemirror-model";
import { getNegotiation } from "../../db/queries/negotiations";
import type { Locale } from "../../shared/i18n/index";
import { linkedClauses, regimeCoverage, type CoverageRegime } from "../../shared/knowledge/coverage";
import { coverageRegimes } from "../../shared/knowledge/localize";
import { fitTopic, type ProposedItem } from "../../shared/moderatedSessions/sessions";
import { negotiationSetup } from "../../shared/templates/negotiationSetup";
import type { Services } from "../context";

/**
 * A topic for every element of `regimes` no clause covers, computed with the workspace's own
 * coverage functions so the agenda and the coverage panel never disagree. The title is the
 * element's reference and title in the reader's language; "coverage gap" is the reason, which
 * each page renders in its reader's language.
 */
export function coverageGapItems(doc: PMNode, regimes: CoverageRegime[]): ProposedItem[] {
  const linked = linkedClauses(doc);
  return regimes.flatMap((regime) =>
    regimeCoverage(regime, linked)
      .filter((row) => row.clauses.length === 0)
      .map((row): ProposedItem => ({ kind: "topic", clauseId: null, title: fitTopic(`${row.element.ref} ${row.element.title}`), reasons: ["coverage-gap"] })),
  );
}

/** The regimes the negotiation was set up for (the wizard's choice), in the reader's language. */
export async function chosenRegimes(services: Services, negotiationId: string, locale: Locale): Promise<CoverageRegime[]> {
  const { regimes } = negotiationSetup((await getNegotiation(services.db, negotiationId))?.setup_json ?? null);
  return coverageRegimes(services.catalogue, locale).filter((r) => (regimes as string[]).includes(r.id));
}
