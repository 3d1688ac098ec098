import { CustomMessage } from "../../shared/collaboration/messages";
import { canSeeThread, type ThreadView } from "../../shared/threads";
import type { Services } from "../context";
import { proposalThreads } from "./proposalThreads";

/** Sends a changed thread to the live connections whose member may see it, and to no one else. */
export function pushThread(services: Services, negotiationId: string, thread: ThreadView): void {
  services.collaboration.push(negotiationId, CustomMessage.thread, thread, (member) => canSeeThread(member.role, thread));
}

/** After a proposal is decided: its threads now say how, to everyone who may read them. */
export async function pushProposalThreads(services: Services, negotiationId: string, proposalId: string): Promise<void> {
  for (const thread of await proposalThreads(services, negotiationId, proposalId)) pushThread(services, negotiationId, thread);
}
