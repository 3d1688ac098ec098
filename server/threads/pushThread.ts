import { loadThreads, proposalThreadIds } from "../../db/queries/threads";
import { CustomMessage } from "../../shared/collaboration/messages";
import { canSeeThread, type ThreadView } from "../../shared/threads";
import type { Services } from "../context";

/** Sends a changed thread to the live connections whose member may see it, and to no one else. */
export function pushThread(services: Services, negotiationId: string, thread: ThreadView): void {
  services.collaboration.push(negotiationId, CustomMessage.thread, thread, (member) => canSeeThread(member.role, thread));
}

/** After a proposal is decided: its threads now say how, to everyone who may read them. */
export async function pushProposalThreads(services: Services, negotiationId: string, proposalId: string): Promise<void> {
  for (const id of await proposalThreadIds(services.db, negotiationId, proposalId)) {
    for (const thread of await loadThreads(services.db, negotiationId, id)) pushThread(services, negotiationId, thread);
  }
}
