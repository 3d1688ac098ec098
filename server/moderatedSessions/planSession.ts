import { listMembers } from "../../db/queries/negotiations";
import { insertSession, listItems, writeAgenda } from "../../db/queries/moderatedSessions";
import { newId } from "../../shared/ids";
import type { Member } from "../../shared/member";
import type { AgendaInput } from "../../shared/moderatedSessions/sessions";
import { may } from "../../shared/policy";
import { announceMove } from "../activity/announceMove";
import { recordMove } from "../activity/recordMove";
import { readSchedule } from "../agreements/scheduleDocument";
import { authorize, policyState } from "../authorize";
import type { Services } from "../context";
import { DomainError } from "../errors";
import { agendaRows } from "./agendaRows";

/**
 * Plans a session: when, who moderates (the planner unless they name another member who may run
 * sessions) and its agenda, which the members can read from then on. The other side is notified.
 */
export async function planSession(
  services: Services,
  negotiationId: string,
  actor: Member,
  plan: { plannedAt: number; moderatorId?: string; agenda: AgendaInput[] },
): Promise<{ id: string }> {
  const state = await policyState(services.db, negotiationId);
  authorize(actor, "runSession", state);
  const moderatorId = plan.moderatorId ?? actor.userId;
  const moderator = (await listMembers(services.db, negotiationId)).find((m) => m.userId === moderatorId);
  if (!moderator || !may({ role: moderator.role, owner: moderator.isOwner }, "runSession", state)) throw new DomainError(400, "sessions.error.badModerator");
  const rows = agendaRows(readSchedule(services, negotiationId), plan.agenda, []);
  const id = newId();
  const move = await services.db.transaction().execute(async (trx) => {
    await insertSession(trx, { id, negotiationId, plannedAt: plan.plannedAt, moderatorId, createdBy: actor.userId, at: Date.now() });
    await writeAgenda(trx, id, rows);
    return recordMove(
      trx,
      {
        negotiationId,
        userId: actor.userId,
        action: "session.planned",
        detail: { sessionId: id, plannedAt: plan.plannedAt, moderator: moderator.name, page: "session" },
      },
      actor.party,
    );
  });
  announceMove(services, move);
  return { id };
}

/** The moderator changes the agenda before or during the session: order, items, time boxes. */
export async function editAgenda(services: Services, negotiationId: string, sessionId: string, agenda: AgendaInput[]): Promise<void> {
  const existing = await listItems(services.db, sessionId);
  const rows = agendaRows(readSchedule(services, negotiationId), agenda, existing);
  await services.db.transaction().execute((trx) => writeAgenda(trx, sessionId, rows));
}
