import { getProposal } from "../../db/queries/proposals";
import { loadThreads, proposalThreadIds } from "../../db/queries/threads";
import type { Member } from "../../shared/member";
import { scheduleFragmentName } from "../../shared/editor/schema";
import { canSeeThread, type ThreadView } from "../../shared/threads";
import { withScheduleDoc } from "../agreements/scheduleDocument";
import type { Services } from "../context";
import { DomainError } from "../errors";
import { proposalTexts } from "../proposals/proposalText";

/** The threads about a proposal (one per audience), whoever may read them. */
export async function proposalThreads(services: Services, negotiationId: string, proposalId: string): Promise<ThreadView[]> {
  const ids = await proposalThreadIds(services.db, negotiationId, proposalId);
  return (await Promise.all(ids.map((id) => loadThreads(services.db, negotiationId, id)))).flat();
}

/** Where a proposal is now: the clause its marks sit in (else the one it was made in) and what it marks. */
async function whereNow(services: Services, negotiationId: string, proposalId: string) {
  const proposal = await getProposal(services.db, negotiationId, proposalId);
  if (!proposal) return null;
  const now = withScheduleDoc(services, negotiationId, (ydoc) => proposalTexts(ydoc.getXmlFragment(scheduleFragmentName)).get(proposalId));
  return { proposal, clauseId: now?.clauseId ?? proposal.clauseId, text: now?.text ?? "" };
}

/**
 * What a new thread on a proposal is about: an open proposal of this negotiation (another
 * negotiation's id is as unknown as a made-up one), in a clause. A proposal in a section heading
 * belongs to no clause, so it has no thread to show it with.
 */
export async function proposalTopic(services: Services, negotiationId: string, proposalId: string): Promise<{ clauseId: string; text: string }> {
  const found = await whereNow(services, negotiationId, proposalId);
  if (!found) throw new DomainError(404, "proposals.error.notFound");
  if (found.proposal.status !== "open") throw new DomainError(409, "proposals.error.decided");
  if (!found.clauseId) throw new DomainError(409, "threads.error.proposalInHeading");
  return { clauseId: found.clauseId, text: found.text };
}

/**
 * Where a link to a proposal (`?proposal=`) opens the workspace for this member: its clause, and
 * whether it is still open (then the proposal itself is shown) or decided (then its thread, the
 * shared one first, if the member may read one). Null for a proposal this negotiation does not have.
 */
export async function proposalLinkTarget(
  services: Services,
  member: Member,
  proposalId: string,
): Promise<{ clauseId: string | null; open: boolean; threadId: string | null } | null> {
  const found = await whereNow(services, member.negotiationId, proposalId);
  if (!found) return null;
  const threads = await proposalThreads(services, member.negotiationId, proposalId);
  const readable = threads.filter((t) => canSeeThread(member.role, t)).sort((a, b) => Number(a.visibility !== "shared") - Number(b.visibility !== "shared"));
  return { clauseId: found.clauseId, open: found.proposal.status === "open", threadId: readable[0]?.id ?? null };
}
