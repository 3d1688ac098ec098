import type { ProposalKind, ProposalStatus } from "./proposals/proposals";
import { partyOf, type Party, type Role } from "./roles";

export const maxCommentLength = 10_000;

export type Visibility = "shared" | "internal";

/** A thread as the browser sees it. Internal threads reach only members of `party`. */
export interface ThreadView {
  id: string;
  clauseId: string;
  anchor: { start: unknown; end: unknown } | null;
  quote: string | null;
  visibility: Visibility;
  party: Party | null;
  createdBy: { id: string; name: string };
  createdAt: number;
  resolved: { by: string; at: number } | null;
  /** The proposal this thread discusses, as it stands now; null for a thread on the clause itself. */
  proposal: ThreadProposal | null;
  comments: CommentView[];
}

export interface ThreadProposal {
  id: string;
  kind: ProposalKind;
  author: string;
  status: ProposalStatus;
  /** Who accepted, rejected or withdrew it, and when; null while open. */
  decided: { by: string; at: number } | null;
}

export interface CommentView {
  id: string;
  author: { id: string; name: string; role: Role | null };
  /** Null once deleted: the comment stays in place as "comment deleted". */
  body: string | null;
  createdAt: number;
  editedAt: number | null;
  mentions: string[];
}

/** The one visibility rule: shared threads for every member, internal ones for their party only. */
export function canSeeThread(viewerRole: Role, thread: { visibility: string; party: string | null }): boolean {
  if (thread.visibility === "shared") return true;
  const party = partyOf(viewerRole);
  return party !== null && party === thread.party;
}
