import type { Node as PMNode } from "prosemirror-model";
import { getNegotiation } from "../../db/queries/negotiations";
import type { Locale } from "../../shared/i18n/index";
import { linkedClauses, regimeCoverage, type CoverageRegime } from "../../shared/knowledge/coverage";
import type { RequirementWording } from "../../shared/knowledge/clauseWording";
import { coverageRegimes, requirementWordings } from "../../shared/knowledge/localize";
import { fitTopic, type ProposedItem } from "../../shared/moderatedSessions/sessions";
import { negotiationSetup } from "../../shared/templates/negotiationSetup";
import type { Services } from "../context";

/**
 * A topic for every element of `regimes` no clause covers, or (with the catalogue's `wordings`)
 * covers only below the legal minimum (decision 037), computed with the workspace's own coverage
 * functions so the agenda and the coverage panel never disagree. The title is the element's
 * reference and title in the reader's language; the reason says which, rendered by each page in
 * its reader's language.
 */
export function coverageGapItems(doc: PMNode, regimes: CoverageRegime[], wordings?: ReadonlyMap<string, RequirementWording>): ProposedItem[] {
  const linked = linkedClauses(doc);
  return regimes.flatMap((regime) =>
    regimeCoverage(regime, linked, wordings).flatMap((row): ProposedItem[] => {
      const reason = row.state === "missing" ? "coverage-gap" : row.state === "below" ? "coverage-below" : null;
      return reason ? [{ kind: "topic", clauseId: null, title: fitTopic(`${row.element.ref} ${row.element.title}`), reasons: [reason] }] : [];
    }),
  );
}

/** The catalogue's level texts, for judging coverage by wording on the server. */
export function catalogueWordings(services: Services, locale: Locale): Map<string, RequirementWording> {
  return new Map(Object.entries(requirementWordings(services.catalogue, locale)));
}

/** The regimes the negotiation was set up for (the wizard's choice), in the reader's language. */
export async function chosenRegimes(services: Services, negotiationId: string, locale: Locale): Promise<CoverageRegime[]> {
  const { regimes } = negotiationSetup((await getNegotiation(services.db, negotiationId))?.setup_json ?? null);
  return coverageRegimes(services.catalogue, locale).filter((r) => (regimes as string[]).includes(r.id));
}
