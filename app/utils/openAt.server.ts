import type { Services } from "../../server/context";
import { proposalLinkTarget } from "../../server/threads/proposalThreads";
import { idSchema } from "../../shared/idSchema";
import type { Member } from "../../shared/member";

export interface OpenAt {
  openClause: string | null;
  openThread: string | null;
  /** An open proposal to show and focus. */
  openProposal: string | null;
}

/**
 * Where a link (a notification's) opens the negotiation page: ?clause=…, and ?thread=… in it; or
 * ?proposal=…, which opens the proposal's clause with the proposal, or once it is decided, its
 * thread. In a .server file so that the page's browser code never reaches zod.
 */
export async function openAt(request: Request, services: Services, member: Member): Promise<OpenAt> {
  const search = new URL(request.url).searchParams;
  const linkedClause = idSchema.safeParse(search.get("clause")).data ?? null;
  const linkedThread = idSchema.safeParse(search.get("thread")).data ?? null;
  const linkedProposal = idSchema.safeParse(search.get("proposal")).data ?? null;
  const proposal = linkedProposal ? await proposalLinkTarget(services, member, linkedProposal) : null;
  // The proposal's clause now wins over the one the link named: the text may have moved since.
  const openClause = proposal?.clauseId ?? linkedClause;
  const decidedThread = proposal && !proposal.open ? proposal.threadId : null;
  return {
    openClause,
    openThread: openClause ? (linkedThread ?? decidedThread) : null,
    openProposal: proposal?.open ? linkedProposal : null,
  };
}
