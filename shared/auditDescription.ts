// One sentence per audit entry, in the reader's language: the page and the CSV say the same.
import type { Locale, MessageKey, Params } from "./i18n/index";
import { structureUnitId } from "./agreements/scheduleStructure";
import { reviewDateMs } from "./agreements/calendarDate";
import { calendarDateFormatter } from "./i18n/calendarDateFormatter";
import { dateTimeFormatter } from "./i18n/dateTimeFormatter";

export interface DescribableEntry {
  action: string;
  detail: Record<string, unknown>;
}

type Translate = (key: MessageKey, params?: Params) => string;

export function describeAuditEntry(entry: DescribableEntry, t: Translate, locale: Locale): string {
  const d = entry.detail;
  const str = (key: string) => String(d[key] ?? "");
  // Review dates are kept as YYYY-MM-DD, which the CSV's readers sort by; the sentence reads them as a date.
  const calendarDate = (key: string) => {
    const ms = reviewDateMs(str(key));
    return Number.isNaN(ms) ? str(key) : calendarDateFormatter(locale)(ms);
  };
  const dateTime = (key: string) => (typeof d[key] === "number" ? dateTimeFormatter(locale)(d[key]) : str(key));
  const role = (key: string) => (d[key] ? t(`role.${str(key)}` as MessageKey) : "");
  switch (entry.action) {
    case "member.joined":
      return t(d.started ? "audit.started" : "audit.joined", { role: role("role") });
    case "member.role_changed":
      if (typeof d.owner === "boolean") return t(d.owner ? "audit.madeOwner" : "audit.unmadeOwner", { member: str("member") });
      return t("audit.roleChanged", { member: str("member"), from: role("from"), to: role("to") });
    case "member.removed":
      return t("audit.removed", { member: str("member"), role: role("role") });
    case "clause.agreed":
      if (d.clauseId === structureUnitId) return t("audit.structureAgreed", { party: role("party") });
      return t("audit.agreed", { clause: `${str("number")} ${str("heading")}`.trim(), party: role("party") });
    case "clause.needs_change":
      if (d.clauseId === structureUnitId) return t("audit.structureNeedsChange", { party: role("party") });
      return t("audit.needsChange", { clause: `${str("number")} ${str("heading")}`.trim(), party: role("party") });
    case "version.saved":
      return t(d.kind === "effective" ? "audit.versionEffective" : "audit.versionSaved", { number: str("number"), name: str("name") });
    case "signoff":
      return t("audit.signoff", { party: role("party"), round: str("round") });
    case "signoff.voided":
      return t("audit.signoffVoided", { party: role("party"), round: str("round") });
    case "agreement.effective":
      return t("audit.effective", { version: str("version") });
    case "amendment.opened":
      return t(d.kind === "review" ? "audit.reviewOpened" : "audit.amendmentOpened", { round: str("round") });
    case "review.due":
      return t("audit.reviewDue", { date: calendarDate("dueAt") });
    case "review_date.set":
      return t("audit.reviewDate", { date: calendarDate("dueAt") });
    case "comment.shared":
      return d.heading !== undefined ? t("audit.commentShared", { clause: `${str("number")} ${str("heading")}`.trim() }) : t("audit.commentSharedStructure");
    case "settings.changes":
      return t(d.to === "proposals" ? "audit.changesProposals" : "audit.changesTogether");
    case "proposal.accepted":
    case "proposal.rejected":
    case "proposal.withdrawn": {
      const clause = d.number !== undefined ? `${str("number")} ${str("heading")}`.trim() : t("audit.proposalHeading");
      const keys = {
        text: { "proposal.accepted": "audit.proposalAccepted", "proposal.rejected": "audit.proposalRejected", "proposal.withdrawn": "audit.proposalWithdrawn" },
        insert: {
          "proposal.accepted": "audit.clauseAdditionAccepted",
          "proposal.rejected": "audit.clauseAdditionRejected",
          "proposal.withdrawn": "audit.clauseAdditionWithdrawn",
        },
        delete: {
          "proposal.accepted": "audit.clauseRemovalAccepted",
          "proposal.rejected": "audit.clauseRemovalRejected",
          "proposal.withdrawn": "audit.clauseRemovalWithdrawn",
        },
      } as const;
      const key = keys[d.scope !== "clause" ? "text" : d.kind === "delete" ? "delete" : "insert"][entry.action];
      return t(key, { author: str("author"), party: role("authorParty"), clause });
    }
    case "proposal.reason": {
      const clause = d.number !== undefined ? `${str("number")} ${str("heading")}`.trim() : t("audit.proposalHeading");
      return d.reason ? t("audit.proposalReason", { clause, reason: str("reason") }) : t("audit.proposalReasonRemoved", { clause });
    }
    case "import.tracked_changes": {
      const proposals = Array.isArray(d.proposals) ? (d.proposals as { author?: unknown }[]) : [];
      const authors = [...new Set(proposals.map((p) => String(p.author ?? "")))].join(", ");
      return t("audit.importedChanges", { count: proposals.length, authors });
    }
    case "settings.sessions":
      return t(d.advisorsOnly ? "audit.sessionsAdvisorsOnly" : "audit.sessionsOwnersToo");
    case "session.planned":
      return t("audit.sessionPlanned", { date: dateTime("plannedAt"), moderator: str("moderator") });
    case "session.agenda":
      return t("audit.sessionAgenda", { date: dateTime("plannedAt"), count: Number(d.items ?? 0) });
    case "session.started":
      return t("audit.sessionStarted", { date: dateTime("plannedAt") });
    case "session.item_recorded":
      return t("audit.sessionItemRecorded", { item: str("item"), outcome: d.outcome ? t(`sessions.outcome.${str("outcome")}` as MessageKey) : "" });
    case "session.ended":
      return t("audit.sessionEnded", { date: dateTime("plannedAt") });
    case "session.moderator_changed":
      return d.takenOver
        ? t("audit.sessionModeratorTakenOver", { date: dateTime("plannedAt"), from: str("from") })
        : t("audit.sessionModeratorChanged", { date: dateTime("plannedAt"), from: str("from"), to: str("to") });
    case "session.minutes_corrected":
      return t("audit.sessionMinutesCorrected", { date: dateTime("plannedAt"), revision: str("revision"), note: str("note") });
    case "session.action_assigned":
      return t(d.dueDate ? "audit.sessionActionAssignedDue" : "audit.sessionActionAssigned", {
        assignee: str("assignee"),
        what: str("what"),
        date: calendarDate("dueDate"),
      });
    case "session.action_done":
      return t(d.done ? "audit.sessionActionDone" : "audit.sessionActionReopened", { what: str("what") });
    case "export":
      return t("audit.export", { what: str("what"), format: str("format").toUpperCase() });
    default:
      return entry.action;
  }
}
