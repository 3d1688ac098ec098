import type { Node as PMNode } from "prosemirror-model";
import type { MessageKey, Params } from "../../shared/i18n/index";
import type { Requirement } from "../../shared/knowledge/catalogue";
import type { CoverageRegime } from "../../shared/knowledge/coverage";
import { forEachClause } from "../../shared/editor/numbering";
import { fitTopic, maxAgendaItems, type AgendaReason, type ProposedItem } from "../../shared/moderatedSessions/sessions";
import { clauseTitle } from "./clauseTitle";
import { coverageGapItems } from "./coverageGaps";
import type { RequirementWording } from "../../shared/knowledge/clauseWording";

export interface ChecklistInput {
  /** The schedule as it stands: while frozen, the agreement in force itself. */
  doc: PMNode;
  /** The negotiation's regimes, in the reader's language. */
  regimes: CoverageRegime[];
  /** What the knowledge base says of each requirement a clause may be linked to. */
  requirements: ReadonlyMap<string, Pick<Requirement, "kind" | "category">>;
  /** The catalogue's level texts: with them an element covered only below the legal minimum is on the agenda too. */
  wordings?: ReadonlyMap<string, RequirementWording>;
  /** The day the agreement in force was signed, as the reader writes dates. */
  since: string;
  t: (key: MessageKey, params?: Params) => string;
}

/**
 * The periodic review's agenda (decision 035), in the order a review goes through it: what changed
 * in each regime's law since signing, and every element the schedule no longer covers (the
 * knowledge base follows the law, so a new element shows up as a gap); incidents since signing;
 * the certificates and assurance reports to check again; then every other clause linked to the
 * knowledge base, whose "how to verify" is the review point worth repeating while the agreement runs.
 */
export function reviewChecklist({ doc, regimes, requirements, wordings, since, t }: ChecklistInput): ProposedItem[] {
  const topic = (title: string, reason: AgendaReason): ProposedItem => ({ kind: "topic", clauseId: null, title: fitTopic(title), reasons: [reason] });
  const law =
    regimes.length === 0
      ? [topic(t("sessions.review.lawAny", { since }), "review-law")]
      : regimes.map((regime) => topic(t("sessions.review.law", { regime: regime.name, since }), "review-law"));
  const assurance: ProposedItem[] = [];
  const verify: ProposedItem[] = [];
  forEachClause(doc, (clause, _pos, number) => {
    const requirement = requirements.get(String(clause.attrs.requirement ?? ""));
    if (!requirement) return;
    const reassure = requirement.kind === "certification" || requirement.category === "assurance";
    (reassure ? assurance : verify).push({
      kind: "clause",
      clauseId: clause.attrs.id as string,
      title: clauseTitle(number, clause),
      reasons: [reassure ? "review-assurance" : "review-verify"],
    });
  });
  const incidents = topic(t("sessions.review.incidents", { since }), "review-incidents");
  return [...law, ...coverageGapItems(doc, regimes, wordings), incidents, ...assurance, ...verify].slice(0, maxAgendaItems);
}
