import { audit, type AuditEntry } from "../../db/queries/auditLog";
import { listMembers } from "../../db/queries/negotiations";
import { insertNotifications } from "../../db/queries/notifications";
import type { DB } from "../../db/connection";
import type { Party } from "../../shared/roles";

/** A recorded move and whom it notified: what announceMove pushes once the transaction commits. */
export interface Move {
  negotiationId: string;
  auditId: number;
  notified: string[];
}

/**
 * Records a move in the audit log (the negotiation's activity) and notifies the other side: every
 * member but the actor and the actor's own party, who saw it happen. A move by an advisor or the
 * system (no party) notifies everyone else. Call it inside the transaction of the move itself.
 */
export async function recordMove(
  db: DB,
  entry: AuditEntry,
  actorParty: Party | null,
  about: { threadId?: string; commentId?: string; alreadyNotified?: readonly string[] } = {},
): Promise<Move> {
  const auditId = await audit(db, entry);
  const members = await listMembers(db, entry.negotiationId);
  const notified = members
    .filter((m) => m.userId !== entry.userId && !(actorParty && m.role === actorParty) && !about.alreadyNotified?.includes(m.userId))
    .map((m) => m.userId);
  await insertNotifications(db, notified, {
    kind: "activity",
    negotiationId: entry.negotiationId,
    auditId,
    threadId: about.threadId ?? null,
    commentId: about.commentId ?? null,
    at: Date.now(),
  });
  return { negotiationId: entry.negotiationId, auditId, notified };
}
