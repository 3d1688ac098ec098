import type { ProposalRecord } from "../../db/queries/proposals";

/**
 * Who a proposal is shown as made by: its member, or for a tracked change read from a Word file
 * the author Word names, as "Word: <author>" (issue #14) — not a member of the negotiation, so
 * never confused with one. The member who imported it still answers for it (may withdraw it).
 */
export function proposalAuthorName(record: Pick<ProposalRecord, "authorName" | "wordAuthor">): string {
  return record.wordAuthor === null ? record.authorName : `Word: ${record.wordAuthor}`;
}
