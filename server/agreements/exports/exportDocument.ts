import { progressOf, type ClauseStatus } from "../../../shared/agreements/clauseStatus";
import { scheduleHash, shortHash } from "../../../shared/agreements/contentHash";
import { scheduleStructure } from "../../../shared/agreements/scheduleStructure";
import { scheduleFromJson, scheduleModel, type Block, type Run, type SectionModel } from "../../../shared/editor/scheduleModel";
import { dateTimeFormatter } from "../../../shared/i18n/dateTimeFormatter";
import { translate, type Locale, type MessageKey, type Params } from "../../../shared/i18n/index";
import type { Party } from "../../../shared/roles";
import type { Services } from "../../context";
import { negotiationParties } from "../../../db/queries/negotiations";
import { listProposals } from "../../../db/queries/proposals";
import { loadThreads } from "../../../db/queries/threads";
import { loadAgreementSnapshot } from "../agreementSnapshot";
import { DomainError } from "../../errors";
import { changesSince } from "../redline";
import { readSchedule } from "../scheduleDocument";
import { effectiveHistory, getVersion, recordStatuses, type RecordedClauseStatus } from "../versions";
import { authorLabel, proposalLookup } from "./proposalLookup";
import { withSafeLinks } from "./safeLinks";
import { trackedSegments } from "./trackedChangeRuns";
import { trackedSchedule, type TrackedSectionModel } from "./trackedSchedule";
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
  /** The version the tracked changes run from, for a redline export; null for a clean one. */
  trackedSince: { label: string; number: number } | null;
  /** Whether the text holds open proposals, which every format shows as tracked (and says how). */
  openProposals: boolean;
  sections: (TrackedSectionModel & {
    clauses: (TrackedSectionModel["clauses"][number] & { status: ClauseStatus; agreedBy: RecordedClauseStatus["agreedBy"] })[];
  })[];
  /** The sign-off records for this exact text, each with the content hash it pins. */
  signoffs: { party: Party; org: string; userName: string; at: number; hash: string }[];
  /** Shared threads only: a party's internal notes never leave the platform this way. */
  threads: { clause: string; quote: string | null; resolved: boolean; comments: { author: string; at: number; body: string }[] }[] | null;
  formatTime: (ms: number) => string;
}

export async function buildExportDocument(
  services: Services,
  negotiationId: string,
  versionId: string | "current",
  options: { locale: Locale; withThreads: boolean; since?: string },
): Promise<ExportDocument> {
  const t = (key: MessageKey, params?: Params) => translate(options.locale, key, params);
  const negotiation = await negotiationParties(services.db, negotiationId);
  const orgOf = (party: Party) => (party === "buyer" ? negotiation.buyer_org : negotiation.supplier_org);

  let model: TrackedSectionModel[];
  let statuses: RecordedClauseStatus[];
  let versionLabel: string;
  let versionNumber: number | null = null;
  let contentHash: string;
  let signoffs: ExportDocument["signoffs"] = [];
  let trackedSince: ExportDocument["trackedSince"] = null;
  const generatedAt = Date.now();
  if (options.since !== undefined && versionId !== "current") throw new DomainError(400, "export.error.badQuery");
  const proposals = await listProposals(services.db, negotiationId, "all");
  let openProposals: boolean;
  if (versionId === "current") {
    const doc = readSchedule(services, negotiationId);
    model = scheduleModel(doc, proposalLookup(proposals, t, "current"));
    openProposals = hasTrackedRuns(model);
    statuses = await recordStatuses(services.db, negotiationId, doc);
    versionLabel = t("versions.current");
    contentHash = scheduleHash(doc);
    const snapshot = await loadAgreementSnapshot(services, negotiationId);
    signoffs = snapshot.signoffs
      .filter((s) => s.hash === contentHash)
      .map((s) => ({ party: s.party, org: orgOf(s.party), userName: s.userName, at: s.at, hash: s.hash }));
    if (options.since !== undefined) {
      const changes = await changesSince(services, negotiationId, options.since);
      const base = await getVersion(services.db, negotiationId, options.since);
      const nameOf = (id: string) => {
        const person = changes.people[id];
        return person && authorLabel(person.name, person.role, t);
      };
      model = trackedSchedule(
        model,
        scheduleStructure(doc).map((s) => s.key),
        changes,
        scheduleModel(scheduleFromJson(base.content)).flatMap((s) => s.clauses.map((c) => c.id)),
        (segments) => trackedSegments(segments, nameOf, t("export.tracked.system"), generatedAt),
      );
      trackedSince = { label: t("versions.label", { number: base.number, name: base.name }), number: base.number };
    }
  } else {
    const version = await getVersion(services.db, negotiationId, versionId);
    model = scheduleModel(scheduleFromJson(version.content), proposalLookup(proposals, t, "version"));
    openProposals = hasTrackedRuns(model);
    statuses = version.statuses;
    versionLabel = t("versions.label", { number: version.number, name: version.name });
    versionNumber = version.number;
    contentHash = version.hash;
    if (version.kind === "effective") {
      const effective = (await effectiveHistory(services.db, negotiationId)).find((v) => v.id === version.id);
      signoffs = (effective?.signoffs ?? []).map((s) => ({ ...s, org: orgOf(s.party), hash: version.hash }));
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
    generatedAt,
    progress: progressOf(statuses),
    trackedSince,
    openProposals,
    sections,
    signoffs,
    threads,
    formatTime: dateTimeFormatter(options.locale),
  };
}

const tracked = (r: Run) => !!(r.change || r.formatChange);

/** Whether any run in the schedule carries a tracked change (a formatting change included). */
function hasTrackedRuns(sections: SectionModel[]): boolean {
  const inBlocks = (list: Block[]): boolean =>
    list.some((b) => (b.kind === "paragraph" ? b.runs.some(tracked) : b.kind === "list" ? b.items.some(inBlocks) : b.rows.some((row) => row.some(inBlocks))));
  return sections.some((s) => s.headingRuns?.some(tracked) || s.clauses.some((c) => c.headingRuns?.some(tracked) || inBlocks(c.blocks)));
}

/** The title block's lines under the title, shared by every format: what the annex belongs to and which text it is. */
export function headerLines(doc: ExportDocument): string[] {
  const { t } = doc;
  return [
    t("export.agreement", { title: doc.title }),
    ...doc.parties.map((p) => `${t(`role.${p.party}`)}: ${p.org}`),
    t("export.version", { version: doc.versionLabel }),
    ...(doc.trackedSince ? [t("export.tracked.since", { version: doc.trackedSince.label })] : []),
    t("export.generated", { time: doc.formatTime(doc.generatedAt) }),
    t("agreement.progress.count", doc.progress),
    t("export.hash", { hash: doc.contentHash }),
  ];
}

/** What every page's header or footer says: which text this is, down to its hash. */
export function pageLine(doc: ExportDocument): string {
  return doc.t("export.pageLine", { version: doc.versionLabel, hash: shortHash(doc.contentHash) });
}

export interface SignatureRow {
  org: string;
  /** The party's name in the reader's language. */
  party: string;
  signed: { name: string; time: string; hash: string } | null;
}

/** The signature block: every sign-off record, and a row for each party that has not signed off. */
export function signatureRows(doc: ExportDocument): SignatureRow[] {
  return doc.parties.flatMap(({ party, org }): SignatureRow[] => {
    const who = { org, party: doc.t(`role.${party}`) };
    const records = doc.signoffs.filter((s) => s.party === party);
    if (records.length === 0) return [{ ...who, signed: null }];
    return records.map((s) => ({ ...who, signed: { name: s.userName, time: doc.formatTime(s.at), hash: s.hash } }));
  });
}

export function signoffLines(doc: ExportDocument): string[] {
  const { t } = doc;
  return [
    ...signatureRows(doc).map(({ org, party, signed }) => (signed ? t("export.signoff", { org, party, ...signed }) : t("export.notSignedBy", { org, party }))),
    t("export.notEsignature"),
  ];
}

export function statusLine(doc: ExportDocument, clause: ExportDocument["sections"][number]["clauses"][number]): string {
  if (clause.removed) return doc.t("export.tracked.removed");
  const { t } = doc;
  const status = t(`agreement.status.${clause.status}` as MessageKey);
  const by = clause.agreedBy.map((a) => `${a.userName} (${t(`role.${a.party}`)}), ${doc.formatTime(a.at)}`).join("; ");
  return by ? `${t("export.status")}: ${status} — ${by}` : `${t("export.status")}: ${status}`;
}
