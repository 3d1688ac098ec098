import { progressOf, type ClauseStatus } from "../../../shared/agreements/clauseStatus";
import { scheduleHash } from "../../../shared/agreements/contentHash";
import { scheduleFromJson, scheduleModel, type SectionModel } from "../../../shared/editor/scheduleModel";
import { dateTimeFormatter } from "../../../shared/i18n/dateTimeFormatter";
import { translate, type Locale, type MessageKey, type Params } from "../../../shared/i18n/index";
import type { Party } from "../../../shared/roles";
import type { Services } from "../../context";
import { negotiationParties } from "../../../db/queries/negotiations";
import { loadThreads } from "../../../db/queries/threads";
import { loadAgreementSnapshot } from "../agreementSnapshot";
import { readSchedule } from "../scheduleDocument";
import { effectiveHistory, getVersion, recordStatuses, type RecordedClauseStatus } from "../versions";
import { withSafeLinks } from "./safeLinks";
import { withVisiblePlaceholders } from "./visiblePlaceholders";

/** Everything an export shows, whatever the format, already in the reader's language. */
export interface ExportDocument {
  t: (key: MessageKey, params?: Params) => string;
  title: string;
  parties: { party: Party; org: string }[];
  versionLabel: string;
  /** The saved version's number; null for the current draft. */
  versionNumber: number | null;
  contentHash: string;
  generatedAt: number;
  progress: { agreed: number; total: number };
  sections: (SectionModel & { clauses: (SectionModel["clauses"][number] & { status: ClauseStatus; agreedBy: RecordedClauseStatus["agreedBy"] })[] })[];
  signoffs: { party: Party; org: string; userName: string; at: number }[];
  /** Shared threads only: a party's internal notes never leave the platform this way. */
  threads: { clause: string; quote: string | null; resolved: boolean; comments: { author: string; at: number; body: string }[] }[] | null;
  formatTime: (ms: number) => string;
}

export async function buildExportDocument(
  services: Services,
  negotiationId: string,
  versionId: string | "current",
  options: { locale: Locale; withThreads: boolean },
): Promise<ExportDocument> {
  const t = (key: MessageKey, params?: Params) => translate(options.locale, key, params);
  const negotiation = await negotiationParties(services.db, negotiationId);
  const orgOf = (party: Party) => (party === "buyer" ? negotiation.buyer_org : negotiation.supplier_org);

  let model: SectionModel[];
  let statuses: RecordedClauseStatus[];
  let versionLabel: string;
  let versionNumber: number | null = null;
  let contentHash: string;
  let signoffs: ExportDocument["signoffs"] = [];
  if (versionId === "current") {
    const doc = readSchedule(services, negotiationId);
    model = scheduleModel(doc);
    statuses = await recordStatuses(services.db, negotiationId, doc);
    versionLabel = t("versions.current");
    contentHash = scheduleHash(doc);
    const snapshot = await loadAgreementSnapshot(services, negotiationId);
    signoffs = snapshot.signoffs.filter((s) => s.hash === contentHash).map((s) => ({ party: s.party, org: orgOf(s.party), userName: s.userName, at: s.at }));
  } else {
    const version = await getVersion(services.db, negotiationId, versionId);
    model = scheduleModel(scheduleFromJson(version.content));
    statuses = version.statuses;
    versionLabel = t("versions.label", { number: version.number, name: version.name });
    versionNumber = version.number;
    contentHash = version.hash;
    if (version.kind === "effective") {
      const effective = (await effectiveHistory(services.db, negotiationId)).find((v) => v.id === version.id);
      signoffs = (effective?.signoffs ?? []).map((s) => ({ ...s, org: orgOf(s.party) }));
    }
  }

  const byClause = new Map(statuses.map((s) => [s.clauseId, s]));
  // Stored versions predate any check the editor makes today, so links are checked here again.
  const sections = withVisiblePlaceholders(withSafeLinks(model), (label) => t("placeholder.inText", { label })).map((s) => ({
    ...s,
    clauses: s.clauses.map((c) => ({ ...c, status: byClause.get(c.id)?.status ?? ("open" as const), agreedBy: byClause.get(c.id)?.agreedBy ?? [] })),
  }));
  const clauseNames = new Map(sections.flatMap((s) => s.clauses.map((c) => [c.id, `${c.number} ${c.heading}`])));
  const threads = options.withThreads
    ? (await loadThreads(services.db, negotiationId))
        .filter((th) => th.visibility === "shared" && clauseNames.has(th.clauseId))
        .map((th) => ({
          clause: clauseNames.get(th.clauseId)!,
          quote: th.quote,
          resolved: th.resolved !== null,
          comments: th.comments.flatMap((c) => (c.body === null ? [] : [{ author: c.author.name, at: c.createdAt, body: c.body }])),
        }))
    : null;

  return {
    t,
    title: negotiation.title,
    parties: (["buyer", "supplier"] as const).map((party) => ({ party, org: orgOf(party) })),
    versionLabel,
    versionNumber,
    contentHash,
    generatedAt: Date.now(),
    progress: progressOf(statuses),
    sections,
    signoffs,
    threads,
    formatTime: dateTimeFormatter(options.locale),
  };
}

/** Lines shared by every format: the header facts under the title. */
export function headerLines(doc: ExportDocument): string[] {
  const { t } = doc;
  return [
    ...doc.parties.map((p) => `${t(`role.${p.party}`)}: ${p.org}`),
    t("export.version", { version: doc.versionLabel }),
    t("export.generated", { time: doc.formatTime(doc.generatedAt) }),
    t("agreement.progress.count", doc.progress),
    t("export.hash", { hash: doc.contentHash }),
  ];
}

export function signoffLines(doc: ExportDocument): string[] {
  const { t } = doc;
  if (doc.signoffs.length === 0) return [t("export.noSignoffs")];
  return [
    ...doc.signoffs.map((s) => t("export.signoff", { org: s.org, party: t(`role.${s.party}`), name: s.userName, time: doc.formatTime(s.at) })),
    t("export.notEsignature"),
  ];
}

export function statusLine(doc: ExportDocument, clause: ExportDocument["sections"][number]["clauses"][number]): string {
  const { t } = doc;
  const status = t(`agreement.status.${clause.status}` as MessageKey);
  const by = clause.agreedBy.map((a) => `${a.userName} (${t(`role.${a.party}`)}), ${doc.formatTime(a.at)}`).join("; ");
  return by ? `${t("export.status")}: ${status} — ${by}` : `${t("export.status")}: ${status}`;
}
