import { auditRecorded } from "../../db/queries/auditLog";
import { negotiationsReviewDueBy } from "../../db/queries/negotiations";
import { reviewWarningMs } from "../agreements/agreementProgress";
import type { Services } from "../context";
import { announceMove } from "./announceMove";
import { recordMove, type Move } from "./recordMove";

/**
 * Records "due for review" once per negotiation and review date, as soon as the dashboard starts
 * showing it (reviewWarningMs ahead), notifying every member: nobody acted, so nobody saw it.
 * A new review date is a new move. Returns how many it recorded.
 */
export async function recordReviewsDue(services: Services, now = Date.now()): Promise<number> {
  const moves: Move[] = [];
  for (const { id, reviewDueAt } of await negotiationsReviewDueBy(services.db, now + reviewWarningMs)) {
    const move = await services.db.transaction().execute(async (trx) => {
      if (await auditRecorded(trx, id, "review.due", "dueAtMs", reviewDueAt)) return null;
      const dueAt = new Date(reviewDueAt).toISOString().slice(0, 10);
      return recordMove(trx, { negotiationId: id, userId: null, action: "review.due", detail: { dueAtMs: reviewDueAt, dueAt, page: "agreement" } }, null);
    });
    if (move) moves.push(move);
  }
  for (const move of moves) announceMove(services, move);
  return moves.length;
}
