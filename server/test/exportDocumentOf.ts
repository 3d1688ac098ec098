import type { ExportDocument } from "../agreements/exports/exportDocument";
import type { SectionModel } from "../../shared/editor/scheduleModel";
import { translate } from "../../shared/i18n/index";

type ExportClause = ExportDocument["sections"][number]["clauses"][number];

/**
 * An export of these sections as the writers take it, between Acme (buyer) and Nimbus (supplier),
 * in English, every clause with `status` and agreed by `agreedBy`; `overrides` for the rest.
 */
export function exportDocumentOf(
  sections: SectionModel[],
  clause: Pick<ExportClause, "status" | "agreedBy">,
  overrides: Partial<ExportDocument> = {},
): ExportDocument {
  const clauses = sections.flatMap((s) => s.clauses);
  return {
    t: (key, params) => translate("en", key, params),
    title: "Export test",
    parties: [
      { party: "buyer", org: "Acme" },
      { party: "supplier", org: "Nimbus" },
    ],
    versionLabel: "Current draft",
    versionNumber: null,
    contentHash: "0".repeat(64),
    generatedAt: 0,
    progress: { agreed: clause.status === "agreed" ? clauses.length : 0, total: clauses.length },
    trackedSince: null,
    openProposals: false,
    sections: sections.map((section) => ({ ...section, clauses: section.clauses.map((c) => ({ ...c, ...clause })) })),
    signoffs: [],
    threads: null,
    formatTime: (ms) => new Date(ms).toISOString(),
    ...overrides,
  };
}
