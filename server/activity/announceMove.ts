import { CustomMessage } from "../../shared/collaboration/messages";
import type { Services } from "../context";
import type { Move } from "./recordMove";

/**
 * After the move committed: everyone with the negotiation open refreshes its activity (every entry
 * is shared), and those it notified update their bell.
 */
export function announceMove(services: Services, move: Move): void {
  const { negotiationId, auditId } = move;
  services.collaboration.push(negotiationId, CustomMessage.activity, { auditId }, () => true);
  const notified = new Set(move.notified);
  if (notified.size > 0) services.collaboration.push(negotiationId, CustomMessage.notification, { negotiationId }, (member) => notified.has(member.userId));
}
