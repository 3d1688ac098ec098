import type { Selectable } from "kysely";
import type { DB } from "../../db/connection";
import type { ThreadsTable } from "../../db/schema";
import { isRole, type Party } from "../../shared/roles";
import type { CommentView, ThreadView, Visibility } from "../../shared/threads";

type ThreadRow = Selectable<ThreadsTable>;

/** Threads of a negotiation with their comments, as views; the caller filters by visibility. */
export async function loadThreads(db: DB, negotiationId: string, threadId?: string): Promise<ThreadView[]> {
  let query = db.selectFrom("threads").selectAll().where("negotiation_id", "=", negotiationId);
  if (threadId) query = query.where("id", "=", threadId);
  const threads = (await query.orderBy("created_at").execute()) as ThreadRow[];
  if (threads.length === 0) return [];
  const comments = await db
    .selectFrom("comments as c")
    .innerJoin("users as u", "u.id", "c.author_id")
    .leftJoin("negotiation_members as m", (join) => join.onRef("m.user_id", "=", "c.author_id").on("m.negotiation_id", "=", negotiationId))
    .select(["c.id", "c.thread_id", "c.author_id", "u.name", "m.role", "c.body", "c.created_at", "c.edited_at", "c.deleted_at"])
    .where("c.thread_id", "in", threads.map((t) => t.id))
    .orderBy("c.created_at")
    .execute();
  const mentions = await db
    .selectFrom("notifications")
    .select(["comment_id", "user_id"])
    .where("thread_id", "in", threads.map((t) => t.id))
    .execute();
  const people = new Set([...threads.flatMap((t) => [t.created_by, t.resolved_by ?? ""]), ...comments.map((c) => c.author_id)]);
  const users = await db.selectFrom("users").select(["id", "name"]).where("id", "in", [...people]).execute();
  const names = new Map(users.map((u) => [u.id, u.name]));
  const byThread = new Map<string, CommentView[]>();
  for (const c of comments) {
    const list = byThread.get(c.thread_id) ?? [];
    list.push({
      id: c.id,
      author: { id: c.author_id, name: c.name, role: isRole(c.role) ? c.role : null },
      body: c.deleted_at ? null : c.body,
      createdAt: c.created_at,
      editedAt: c.edited_at,
      mentions: mentions.filter((m) => m.comment_id === c.id).map((m) => m.user_id),
    });
    byThread.set(c.thread_id, list);
  }
  return threads.map((t) => ({
    id: t.id,
    clauseId: t.clause_id,
    anchor: t.anchor_json ? JSON.parse(t.anchor_json) : null,
    quote: t.quote,
    visibility: t.visibility as Visibility,
    party: t.party as Party | null,
    createdBy: { id: t.created_by, name: names.get(t.created_by) ?? "" },
    createdAt: t.created_at,
    resolved: t.resolved_at && t.resolved_by ? { by: names.get(t.resolved_by) ?? "", at: t.resolved_at } : null,
    comments: byThread.get(t.id) ?? [],
  }));
}
