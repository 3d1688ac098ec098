import { actionsOfAssignee, getAction, getSession, setActionDone } from "../../db/queries/moderatedSessions";
import type { Member } from "../../shared/member";
import type { ActionView, MyAction } from "../../shared/moderatedSessions/sessions";
import { announceMove } from "../activity/announceMove";
import { recordMove } from "../activity/recordMove";
import type { Services } from "../context";
import { DomainError } from "../errors";
import { actionView } from "./sessionView";

/** Done actions stay on the dashboard this long, so marking one done does not make it vanish unseen. */
const keepDoneMs = 7 * 24 * 60 * 60 * 1000;

/** The assignee marks their action done (or not done after all); the session's moderator may too. */
export async function markActionDone(services: Services, negotiationId: string, actionId: string, actor: Member, done: boolean): Promise<ActionView> {
  const action = await getAction(services.db, negotiationId, actionId);
  if (!action) throw new DomainError(404, "sessions.error.actionNotFound");
  const session = await getSession(services.db, negotiationId, action.session_id);
  if (actor.userId !== action.assignee_id && actor.userId !== session?.moderator_id) throw new DomainError(403, "sessions.error.notAssignee");
  if ((action.done_at !== null) !== done) {
    const move = await services.db.transaction().execute(async (trx) => {
      await setActionDone(trx, actionId, done ? { by: actor.userId, at: Date.now() } : null);
      return recordMove(
        trx,
        {
          negotiationId,
          userId: actor.userId,
          action: "session.action_done",
          detail: { sessionId: action.session_id, actionId, what: action.what, done, page: "session" },
        },
        actor.party,
      );
    });
    announceMove(services, move);
  }
  return actionView((await getAction(services.db, negotiationId, actionId))!);
}

/** The signed-in user's actions across their negotiations, for the dashboard and GET /api/actions. */
export async function myActions(services: Services, userId: string): Promise<MyAction[]> {
  return (await actionsOfAssignee(services.db, userId, Date.now() - keepDoneMs)).map((a) => ({
    ...actionView(a),
    negotiationId: a.negotiation_id,
    negotiationTitle: a.negotiation_title,
  }));
}
