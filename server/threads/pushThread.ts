import { CustomMessage } from "../../shared/collaboration/messages";
import { canSeeThread, type ThreadView } from "../../shared/threads";
import type { Services } from "../context";

/** Sends a changed thread to the live connections whose member may see it, and to no one else. */
export function pushThread(services: Services, negotiationId: string, thread: ThreadView): void {
  services.collaboration.push(negotiationId, CustomMessage.thread, thread, (member) => canSeeThread(member.role, thread));
}
