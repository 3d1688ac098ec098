import type { ProposalRecord } from "../../../db/queries/proposals";
import type { ProposalLookup } from "../../../shared/editor/scheduleModel";
import type { MessageKey } from "../../../shared/i18n/index";
import { isRole, partyOf } from "../../../shared/roles";
import { proposalAuthorName } from "../../proposals/proposalAuthor";

/** An author as tracked changes name them, the redline's and proposals' alike: "Name (Supplier)"; an advisor by name. */
export function authorLabel(name: string, role: string | null, t: (key: MessageKey) => string): string {
  const party = isRole(role) ? partyOf(role) : null;
  return party ? `${name} (${t(`role.${party}`)})` : name;
}

/**
 * How an export reads the proposal marks in a schedule (decision 026). In the current draft only
 * an open proposal is a change, named after its author (and their party at the time) and dated
 * when it was made; a decided one reads as decided. A saved version was saved with its marks
 * open, whatever became of them since, so there every recorded proposal is a change.
 *
 * An id with no record cannot come from the editor (the server records an id in the step that
 * admits it; copies drop marks): it reads as rejected, which is how agreements read every
 * proposal not accepted (clauseHash), so no text that nobody stands behind passes for agreed.
 */
export function proposalLookup(records: ProposalRecord[], t: (key: MessageKey) => string, text: "current" | "version"): ProposalLookup {
  const byId = new Map(records.map((r) => [r.id, r]));
  return (id) => {
    const record = byId.get(id);
    if (!record) return "rejected";
    if (record.status === "open" || text === "version") {
      // A Word author is no member: no party to name for them.
      const author = record.wordAuthor === null ? authorLabel(record.authorName, record.party, t) : proposalAuthorName(record);
      return { author, date: record.createdAt };
    }
    return record.status === "accepted" ? "accepted" : "rejected";
  };
}
