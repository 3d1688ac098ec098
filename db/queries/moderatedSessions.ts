import type { DB } from "../connection";
import type { ModeratedSessionsTable, SessionActionsTable, SessionItemsTable } from "../schema";
import type { Selectable } from "kysely";

// Moderated sessions (decision 032): the meeting, its agenda items, their actions and the minutes.

export type SessionRow = Selectable<ModeratedSessionsTable> & { moderator_name: string; item_count: number };
export type ItemRow = Selectable<SessionItemsTable>;
export type ActionRow = Selectable<SessionActionsTable> & { assignee_name: string; done_by_name: string | null };

const sessionColumns = (db: DB) =>
  db
    .selectFrom("moderated_sessions as s")
    .innerJoin("users as u", "u.id", "s.moderator_id")
    .selectAll("s")
    .select("u.name as moderator_name")
    .select((eb) => eb.selectFrom("session_items as i").whereRef("i.session_id", "=", "s.id").select(eb.fn.countAll<number>().as("n")).as("item_count"));

export async function insertSession(db: DB, row: { id: string; negotiationId: string; plannedAt: number; moderatorId: string; createdBy: string; at: number }) {
  await db
    .insertInto("moderated_sessions")
    .values({
      id: row.id,
      negotiation_id: row.negotiationId,
      planned_at: row.plannedAt,
      moderator_id: row.moderatorId,
      created_by: row.createdBy,
      created_at: row.at,
    })
    .execute();
}

/** Every session of a negotiation, the soonest planned first. */
export async function listSessions(db: DB, negotiationId: string): Promise<SessionRow[]> {
  return (await sessionColumns(db).where("s.negotiation_id", "=", negotiationId).orderBy("s.planned_at").execute()) as SessionRow[];
}

export async function getSession(db: DB, negotiationId: string, sessionId: string): Promise<SessionRow | null> {
  const row = await sessionColumns(db).where("s.negotiation_id", "=", negotiationId).where("s.id", "=", sessionId).executeTakeFirst();
  return (row as SessionRow | undefined) ?? null;
}

/** The session that ended last: its parked items and open actions carry over to the next agenda. */
export async function lastEndedSession(db: DB, negotiationId: string): Promise<{ id: string } | null> {
  const row = await db
    .selectFrom("moderated_sessions")
    .select("id")
    .where("negotiation_id", "=", negotiationId)
    .where("state", "=", "ended")
    .orderBy("ended_at", "desc")
    .limit(1)
    .executeTakeFirst();
  return row ?? null;
}

/** The next session not yet ended: live, or planned (the soonest first). */
export async function nextSession(db: DB, negotiationId: string): Promise<{ id: string; plannedAt: number; state: string } | null> {
  const row = await db
    .selectFrom("moderated_sessions")
    .select(["id", "planned_at", "state"])
    .where("negotiation_id", "=", negotiationId)
    .where("state", "!=", "ended")
    // "live" sorts before "planned": a session in progress comes first.
    .orderBy("state", "asc")
    .orderBy("planned_at", "asc")
    .limit(1)
    .executeTakeFirst();
  return row ? { id: row.id, plannedAt: row.planned_at, state: row.state } : null;
}

export async function setSessionState(
  db: DB,
  sessionId: string,
  change: { state?: string; startedAt?: number; endedAt?: number; currentItemId?: string | null; currentItemAt?: number },
): Promise<void> {
  await db
    .updateTable("moderated_sessions")
    .set({
      ...(change.state !== undefined && { state: change.state }),
      ...(change.startedAt !== undefined && { started_at: change.startedAt }),
      ...(change.endedAt !== undefined && { ended_at: change.endedAt }),
      ...(change.currentItemId !== undefined && { current_item_id: change.currentItemId }),
      ...(change.currentItemAt !== undefined && { current_item_at: change.currentItemAt }),
    })
    .where("id", "=", sessionId)
    .execute();
}

export async function setModerator(db: DB, sessionId: string, moderatorId: string): Promise<void> {
  await db.updateTable("moderated_sessions").set({ moderator_id: moderatorId }).where("id", "=", sessionId).execute();
}

export async function listItems(db: DB, sessionId: string): Promise<ItemRow[]> {
  return db.selectFrom("session_items").selectAll().where("session_id", "=", sessionId).orderBy("position").execute();
}

/** The agenda as given, in its order: items left out go (with their actions), the others are written as they are now. */
export async function writeAgenda(db: DB, sessionId: string, items: Omit<ItemRow, "session_id" | "outcome" | "decision">[]): Promise<void> {
  const keep = items.map((i) => i.id);
  let gone = db.deleteFrom("session_items").where("session_id", "=", sessionId);
  if (keep.length > 0) gone = gone.where("id", "not in", keep);
  await gone.execute();
  for (const item of items) {
    await db
      .insertInto("session_items")
      .values({ ...item, session_id: sessionId })
      .onConflict((oc) => oc.column("id").doUpdateSet({ position: item.position, time_box_minutes: item.time_box_minutes, title: item.title }))
      .execute();
  }
}

export async function recordItem(db: DB, itemId: string, outcome: string, decision: string | null): Promise<void> {
  await db.updateTable("session_items").set({ outcome, decision }).where("id", "=", itemId).execute();
}

export async function insertActions(db: DB, actions: Omit<Selectable<SessionActionsTable>, "done_at" | "done_by">[]): Promise<void> {
  if (actions.length === 0) return;
  await db
    .insertInto("session_actions")
    .values(actions.map((a) => ({ ...a, done_at: null, done_by: null })))
    .execute();
}

const actionColumns = (db: DB) =>
  db
    .selectFrom("session_actions as a")
    .innerJoin("users as u", "u.id", "a.assignee_id")
    .leftJoin("users as d", "d.id", "a.done_by")
    .selectAll("a")
    .select(["u.name as assignee_name", "d.name as done_by_name"]);

export async function listActions(db: DB, sessionId: string): Promise<ActionRow[]> {
  return actionColumns(db).where("a.session_id", "=", sessionId).orderBy("a.created_at").execute();
}

export async function getAction(db: DB, negotiationId: string, actionId: string): Promise<ActionRow | null> {
  const row = await actionColumns(db)
    .innerJoin("moderated_sessions as s", "s.id", "a.session_id")
    .where("s.negotiation_id", "=", negotiationId)
    .where("a.id", "=", actionId)
    .executeTakeFirst();
  return row ?? null;
}

/** A user's actions in the negotiations they are still a member of: open ones, and those done in the last `doneSince`. */
export async function actionsOfAssignee(
  db: DB,
  userId: string,
  doneSince: number,
): Promise<(ActionRow & { negotiation_id: string; negotiation_title: string })[]> {
  return actionColumns(db)
    .innerJoin("moderated_sessions as s", "s.id", "a.session_id")
    .innerJoin("negotiations as n", "n.id", "s.negotiation_id")
    .innerJoin("negotiation_members as m", (join) => join.onRef("m.negotiation_id", "=", "n.id").onRef("m.user_id", "=", "a.assignee_id"))
    .select(["n.id as negotiation_id", "n.title as negotiation_title"])
    .where("a.assignee_id", "=", userId)
    .where((eb) => eb.or([eb("a.done_at", "is", null), eb("a.done_at", ">=", doneSince)]))
    .orderBy("a.due_date")
    .orderBy("a.created_at")
    .execute();
}

export async function setActionDone(db: DB, actionId: string, done: { by: string; at: number } | null): Promise<void> {
  await db
    .updateTable("session_actions")
    .set({ done_at: done?.at ?? null, done_by: done?.by ?? null })
    .where("id", "=", actionId)
    .execute();
}

export async function insertMinutes(db: DB, row: { sessionId: string; revision: number; contentJson: string; note: string | null; by: string; at: number }) {
  await db
    .insertInto("session_minutes")
    .values({ session_id: row.sessionId, revision: row.revision, content_json: row.contentJson, note: row.note, published_by: row.by, published_at: row.at })
    .execute();
}

export async function listMinutes(db: DB, sessionId: string) {
  return db
    .selectFrom("session_minutes as r")
    .innerJoin("users as u", "u.id", "r.published_by")
    .select(["r.revision", "r.content_json", "r.note", "r.published_at", "u.name as published_by_name"])
    .where("r.session_id", "=", sessionId)
    .orderBy("r.revision")
    .execute();
}
