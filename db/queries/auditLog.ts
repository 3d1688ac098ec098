import { sql, type Kysely } from "kysely";
import type { Database } from "../schema";

export const auditActions = [
  "member.joined",
  "member.role_changed",
  "member.removed",
  "clause.agreed",
  "clause.needs_change",
  "version.saved",
  "signoff",
  "signoff.voided",
  "agreement.effective",
  "amendment.opened",
  "review_date.set",
  "review.due",
  "export",
  "comment.shared",
  "settings.changes",
  "proposal.accepted",
  "proposal.rejected",
  "proposal.withdrawn",
  "proposal.reason",
  "import.tracked_changes",
  "settings.sessions",
  "session.planned",
  "session.agenda",
  "session.started",
  "session.item_recorded",
  "session.ended",
  "session.moderator_changed",
  "session.minutes_corrected",
  "session.action_assigned",
  "session.action_done",
] as const;
export type AuditAction = (typeof auditActions)[number];

export interface AuditEntry {
  negotiationId: string;
  userId: string | null;
  action: AuditAction;
  detail?: Record<string, unknown>;
}

/** Appends to the log; also inside a transaction, so the record commits with what it records. Returns the entry's id. */
export async function audit(db: Kysely<Database>, entry: AuditEntry): Promise<number> {
  const { id } = await db
    .insertInto("audit_log")
    .values({
      negotiation_id: entry.negotiationId,
      user_id: entry.userId,
      action: entry.action,
      detail_json: JSON.stringify(entry.detail ?? {}),
      at: Date.now(),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return id;
}

export interface AuditRow {
  id: number;
  at: number;
  userName: string | null;
  action: AuditAction;
  detail: Record<string, unknown>;
}

const toAuditRow = (r: { id: number; at: number; name: string | null; action: string; detail_json: string }): AuditRow => ({
  id: r.id,
  at: r.at,
  userName: r.name,
  action: r.action as AuditAction,
  detail: JSON.parse(r.detail_json) as Record<string, unknown>,
});

export async function listAudit(db: Kysely<Database>, negotiationId: string): Promise<AuditRow[]> {
  const rows = await db
    .selectFrom("audit_log as a")
    .leftJoin("users as u", "u.id", "a.user_id")
    .select(["a.id", "a.at", "u.name", "a.action", "a.detail_json"])
    .where("a.negotiation_id", "=", negotiationId)
    .orderBy("a.id")
    .execute();
  return rows.map(toAuditRow);
}

/** When the latest round was opened and by which kind of member (server/agreements/rounds.ts writes it); null before any. */
export async function lastRoundOpening(db: Kysely<Database>, negotiationId: string): Promise<{ at: number; kind: "amendment" | "review" } | null> {
  const row = await db
    .selectFrom("audit_log")
    .select(["at", "detail_json"])
    .where("negotiation_id", "=", negotiationId)
    .where("action", "=", "amendment.opened")
    .orderBy("id", "desc")
    .executeTakeFirst();
  if (!row) return null;
  return { at: row.at, kind: (JSON.parse(row.detail_json) as { kind?: string }).kind === "review" ? "review" : "amendment" };
}

/** A negotiation's entries of these actions, newest first, with the actor's name. */
export async function listAuditOf(db: Kysely<Database>, negotiationId: string, actions: readonly AuditAction[], limit: number): Promise<AuditRow[]> {
  const rows = await db
    .selectFrom("audit_log as a")
    .leftJoin("users as u", "u.id", "a.user_id")
    .select(["a.id", "a.at", "u.name", "a.action", "a.detail_json"])
    .where("a.negotiation_id", "=", negotiationId)
    .where("a.action", "in", actions)
    .orderBy("a.id", "desc")
    .limit(limit)
    .execute();
  return rows.map(toAuditRow);
}

/** Whether an entry of this action with this detail value exists: a move recorded once stays recorded once. */
export async function auditRecorded(
  db: Kysely<Database>,
  negotiationId: string,
  action: AuditAction,
  detailKey: string,
  value: string | number,
): Promise<boolean> {
  const row = await db
    .selectFrom("audit_log")
    .select("id")
    .where("negotiation_id", "=", negotiationId)
    .where("action", "=", action)
    .where(sql`json_extract(detail_json, ${"$." + detailKey})`, "=", value)
    .executeTakeFirst();
  return row !== undefined;
}
