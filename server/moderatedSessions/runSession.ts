import { audit } from "../../db/queries/auditLog";
import { getNegotiation, listMembers } from "../../db/queries/negotiations";
import { insertActions, insertMinutes, recordItem, setModerator, setSessionState, type SessionRow } from "../../db/queries/moderatedSessions";
import { newId } from "../../shared/ids";
import { may } from "../../shared/policy";
import type { Member } from "../../shared/member";
import type { SessionCommand } from "../../shared/moderatedSessions/requests";
import type { SessionView } from "../../shared/moderatedSessions/sessions";
import { announceMove } from "../activity/announceMove";
import { recordMove, type Move } from "../activity/recordMove";
import { authorize, policyState } from "../authorize";
import type { Services } from "../context";
import { DomainError } from "../errors";
import { minutesContent } from "./minutesContent";
import { editAgenda } from "./planSession";
import { pushLiveSession } from "./liveSession";
import { mailMinutes } from "./mailMinutes";
import { endAttendance, handOverAttendance, moderatorPresent, startAttendance } from "./attendance";
import { sessionEvents } from "./sessionEvents";
import { requireSession, sessionView } from "./sessionView";

type Command<A extends SessionCommand["action"]> = Extract<SessionCommand, { action: A }>;

/**
 * The moderator's moves on a session: edit the agenda, start, go to an item, record its outcome
 * with actions, end (which publishes the minutes), correct published minutes (a new revision) and
 * hand moderation over. Only the session's moderator, and only while they may run sessions at all;
 * someone else who may run sessions can take a session over only while its moderator is away.
 */
export async function runSession(services: Services, negotiationId: string, sessionId: string, actor: Member, command: SessionCommand): Promise<SessionView> {
  authorize(actor, "runSession", await policyState(services.db, negotiationId));
  const session = await requireSession(services.db, negotiationId, sessionId);
  if (command.action === "takeover") {
    if (session.moderator_id === actor.userId) throw new DomainError(409, "sessions.error.alreadyModerator");
    if (await moderatorPresent(services, session)) throw new DomainError(409, "sessions.error.moderatorPresent");
  } else if (session.moderator_id !== actor.userId) throw new DomainError(403, "sessions.error.notModerator");
  const moves = await step(services, session, actor, command);
  for (const move of moves) announceMove(services, move);
  if (command.action !== "correct") await pushLiveSession(services, negotiationId);
  if (command.action === "end" || command.action === "correct")
    void mailMinutes(services, negotiationId, sessionId).catch((error) => services.logger.error({ err: error, negotiationId }, "mailing the minutes failed"));
  return sessionView(services.db, negotiationId, sessionId);
}

const stateRefusals = { planned: "sessions.error.isPlanned", live: "sessions.error.isLive", ended: "sessions.error.isEnded" } as const;

/** A move the session's state does not allow: someone else's page may be out of date. */
function expectState(session: SessionRow, ...states: string[]): void {
  if (!states.includes(session.state)) throw new DomainError(409, stateRefusals[session.state as keyof typeof stateRefusals] ?? "sessions.error.isEnded");
}

async function step(services: Services, session: SessionRow, actor: Member, command: SessionCommand): Promise<Move[]> {
  const { db } = services;
  const negotiationId = session.negotiation_id;
  const at = Date.now();
  const detail = { sessionId: session.id, plannedAt: session.planned_at, page: "session" };
  switch (command.action) {
    case "agenda":
      expectState(session, "planned", "live");
      await editAgenda(services, negotiationId, session.id, command.agenda);
      await audit(db, { negotiationId, userId: actor.userId, action: "session.agenda", detail: { ...detail, items: command.agenda.length } });
      return [];
    case "start": {
      expectState(session, "planned");
      const first = (await sessionView(db, negotiationId, session.id)).agenda[0]?.id ?? null;
      return [
        await db.transaction().execute(async (trx) => {
          await setSessionState(trx, session.id, { state: "live", startedAt: at, currentItemId: first, currentItemAt: at });
          await startAttendance(trx, session.id, session.moderator_id, services.collaboration.onlineUserIds(negotiationId), at);
          return recordMove(trx, { negotiationId, userId: actor.userId, action: "session.started", detail }, actor.party);
        }),
      ];
    }
    case "goto":
    case "next":
      expectState(session, "live");
      await setSessionState(db, session.id, { currentItemId: await target(services, session, command), currentItemAt: at });
      return [];
    case "record":
      expectState(session, "live");
      return record(services, session, actor, command);
    case "end":
      expectState(session, "live");
      return [await end(services, session, actor, command, at)];
    case "correct":
      expectState(session, "ended");
      return [await correct(services, session, actor, command, at)];
    case "handover":
      expectState(session, "planned", "live");
      return [await handOver(services, session, actor, command.to)];
    case "takeover":
      // Before the meeting the moderator can still hand it over, or another session be planned.
      expectState(session, "live");
      return [await handOver(services, session, actor, actor.userId)];
  }
}

async function target(services: Services, session: SessionRow, command: Command<"goto"> | Command<"next">): Promise<string | null> {
  const ids = (await sessionView(services.db, session.negotiation_id, session.id)).agenda.map((i) => i.id);
  if (command.action === "goto") {
    if (!ids.includes(command.itemId)) throw new DomainError(400, "sessions.error.unknownItem");
    return command.itemId;
  }
  const at = session.current_item_id ? ids.indexOf(session.current_item_id) : -1;
  return ids[at + 1] ?? null;
}

async function record(services: Services, session: SessionRow, actor: Member, command: Command<"record">): Promise<Move[]> {
  const negotiationId = session.negotiation_id;
  const view = await sessionView(services.db, negotiationId, session.id);
  const item = view.agenda.find((i) => i.id === command.itemId);
  if (!item) throw new DomainError(400, "sessions.error.unknownItem");
  const members = new Map((await listMembers(services.db, negotiationId)).map((m) => [m.userId, m]));
  if (command.actions.some((a) => !members.has(a.assigneeId))) throw new DomainError(400, "sessions.error.assigneeNotMember");
  const at = Date.now();
  return services.db.transaction().execute(async (trx) => {
    await recordItem(trx, item.id, command.outcome, command.decision || null);
    await audit(trx, {
      negotiationId,
      userId: actor.userId,
      action: "session.item_recorded",
      detail: { sessionId: session.id, item: item.title, outcome: command.outcome, decision: command.decision },
    });
    const actions = command.actions.map((a) => ({
      id: newId(),
      session_id: session.id,
      item_id: item.id,
      assignee_id: a.assigneeId,
      what: a.what,
      due_date: a.dueDate ?? null,
      created_by: actor.userId,
      created_at: at,
    }));
    await insertActions(trx, actions);
    const moves: Move[] = [];
    for (const a of actions) {
      const assignee = members.get(a.assignee_id)!;
      const entry = {
        negotiationId,
        userId: actor.userId,
        action: "session.action_assigned" as const,
        detail: {
          sessionId: session.id,
          actionId: a.id,
          assigneeId: a.assignee_id,
          assignee: assignee.name,
          what: a.what,
          dueDate: a.due_date,
          page: "session",
        },
      };
      // An action is the assignee's business even when the moderator is of the assignee's own party.
      moves.push(await recordMove(trx, entry, assignee.role === actor.party ? null : actor.party));
    }
    return moves;
  });
}

async function end(services: Services, session: SessionRow, actor: Member, command: Command<"end">, at: number): Promise<Move> {
  const negotiationId = session.negotiation_id;
  const members = await listMembers(services.db, negotiationId);
  if (command.present.some((id) => !members.some((m) => m.userId === id))) throw new DomainError(400, "sessions.error.attendeeNotMember");
  const negotiation = await getNegotiation(services.db, negotiationId);
  const during = await sessionEvents(services, negotiationId, session.started_at ?? at, at);
  const view = await sessionView(services.db, negotiationId, session.id);
  return services.db.transaction().execute(async (trx) => {
    await setSessionState(trx, session.id, { state: "ended", endedAt: at, currentItemId: null });
    const attended = await endAttendance(trx, session.id, at);
    // Whoever was connected attended; the moderator did; and whom the moderator saw in the room without a connection.
    const attendees = members
      .filter((m) => attended.has(m.userId) || m.userId === session.moderator_id || command.present.includes(m.userId))
      .map((m) => ({ ...m, attendedMs: attended.get(m.userId) ?? 0 }));
    const content = minutesContent(view, negotiation?.title ?? "", attendees, at, during);
    await insertMinutes(trx, { sessionId: session.id, revision: 1, contentJson: JSON.stringify(content), note: null, by: actor.userId, at });
    return recordMove(
      trx,
      {
        negotiationId,
        userId: actor.userId,
        action: "session.ended",
        detail: { sessionId: session.id, plannedAt: session.planned_at, revision: 1, page: "session" },
      },
      actor.party,
    );
  });
}

async function correct(services: Services, session: SessionRow, actor: Member, command: Command<"correct">, at: number): Promise<Move> {
  const negotiationId = session.negotiation_id;
  const view = await sessionView(services.db, negotiationId, session.id);
  const latest = view.minutes.at(-1);
  if (!latest) throw new DomainError(409, "sessions.error.isLive");
  if (!latest.content.items.some((i) => i.itemId === command.itemId)) throw new DomainError(400, "sessions.error.unknownItem");
  const content = {
    ...latest.content,
    items: latest.content.items.map((i) => (i.itemId === command.itemId ? { ...i, outcome: command.outcome, decision: command.decision || null } : i)),
  };
  const revision = latest.revision + 1;
  return services.db.transaction().execute(async (trx) => {
    await insertMinutes(trx, { sessionId: session.id, revision, contentJson: JSON.stringify(content), note: command.note, by: actor.userId, at });
    return recordMove(
      trx,
      {
        negotiationId,
        userId: actor.userId,
        action: "session.minutes_corrected",
        detail: { sessionId: session.id, plannedAt: session.planned_at, revision, note: command.note, page: "session" },
      },
      actor.party,
    );
  });
}

/** Moderation changes hands: followers now follow the new moderator, and the minutes say who moderated when. */
async function handOver(services: Services, session: SessionRow, actor: Member, to: string): Promise<Move> {
  const negotiationId = session.negotiation_id;
  const members = await listMembers(services.db, negotiationId);
  const from = members.find((m) => m.userId === session.moderator_id);
  const next = members.find((m) => m.userId === to);
  const state = await policyState(services.db, negotiationId);
  if (!next || next.userId === session.moderator_id || !may({ role: next.role, owner: next.isOwner }, "runSession", state))
    throw new DomainError(400, "sessions.error.badModerator");
  const at = Date.now();
  return services.db.transaction().execute(async (trx) => {
    await setModerator(trx, session.id, next.userId);
    if (session.state === "live") await handOverAttendance(trx, session.id, session.moderator_id, next.userId, at);
    return recordMove(
      trx,
      {
        negotiationId,
        userId: actor.userId,
        action: "session.moderator_changed",
        detail: {
          sessionId: session.id,
          plannedAt: session.planned_at,
          from: from?.name ?? "",
          to: next.name,
          takenOver: actor.userId === next.userId,
          page: "session",
        },
      },
      actor.party,
    );
  });
}
