import type { Selectable } from "kysely";
import type { DB } from "../connection";
import type { ThreadsTable } from "../schema";
import { isRole, type Party } from "../../shared/roles";
import type { ProposalKind, ProposalStatus } from "../../shared/proposals/proposals";
import type { CommentView, ThreadProposal, ThreadView, Visibility } from "../../shared/threads";
import { userNames } from "./users";

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
    .where(
      "c.thread_id",
      "in",
      threads.map((t) => t.id),
    )
    .orderBy("c.created_at")
    .execute();
  const mentions = await db
    .selectFrom("notifications")
    .select(["comment_id", "user_id"])
    .where("kind", "=", "mention")
    .where(
      "thread_id",
      "in",
      threads.map((t) => t.id),
    )
    .execute();
  const proposalIds = [...new Set(threads.flatMap((t) => (t.proposal_id ? [t.proposal_id] : [])))];
  const proposals =
    proposalIds.length === 0
      ? []
      : await db
          .selectFrom("proposals")
          .select(["id", "kind", "author_id", "status", "decided_by", "decided_at"])
          .where("negotiation_id", "=", negotiationId)
          .where("id", "in", proposalIds)
          .execute();
  const people = new Set([
    ...threads.flatMap((t) => [t.created_by, t.resolved_by ?? ""]),
    ...comments.map((c) => c.author_id),
    ...proposals.flatMap((p) => [p.author_id, p.decided_by ?? ""]),
  ]);
  const names = await userNames(db, [...people]);
  const proposalOf = new Map(
    proposals.map((p): [string, ThreadProposal] => [
      p.id,
      {
        id: p.id,
        kind: p.kind as ProposalKind,
        author: names.get(p.author_id) ?? "",
        status: p.status as ProposalStatus,
        decided: p.decided_by && p.decided_at ? { by: names.get(p.decided_by) ?? "", at: p.decided_at } : null,
      },
    ]),
  );
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
    proposal: t.proposal_id ? (proposalOf.get(t.proposal_id) ?? null) : null,
    comments: byThread.get(t.id) ?? [],
  }));
}

export async function insertThread(
  db: DB,
  thread: {
    id: string;
    negotiationId: string;
    clauseId: string;
    proposalId: string | null;
    anchorJson: string | null;
    quote: string | null;
    visibility: Visibility;
    party: Party | null;
    createdBy: string;
    at: number;
  },
): Promise<void> {
  await db
    .insertInto("threads")
    .values({
      id: thread.id,
      negotiation_id: thread.negotiationId,
      clause_id: thread.clauseId,
      proposal_id: thread.proposalId,
      anchor_json: thread.anchorJson,
      quote: thread.quote,
      visibility: thread.visibility,
      party: thread.party,
      created_by: thread.createdBy,
      created_at: thread.at,
      updated_at: thread.at,
      resolved_at: null,
      resolved_by: null,
    })
    .execute();
}

/** The thread on a proposal for one audience (shared, or one party's internal notes), if it was started. */
export async function proposalThreadId(
  db: DB,
  negotiationId: string,
  proposalId: string,
  audience: { visibility: Visibility; party: Party | null },
): Promise<string | null> {
  let query = db
    .selectFrom("threads")
    .select("id")
    .where("negotiation_id", "=", negotiationId)
    .where("proposal_id", "=", proposalId)
    .where("visibility", "=", audience.visibility);
  query = audience.party ? query.where("party", "=", audience.party) : query.where("party", "is", null);
  return (await query.executeTakeFirst())?.id ?? null;
}

/** Every thread on a proposal, whoever may read it: all of them change when the proposal is decided. */
export async function proposalThreadIds(db: DB, negotiationId: string, proposalId: string): Promise<string[]> {
  const rows = await db.selectFrom("threads").select("id").where("negotiation_id", "=", negotiationId).where("proposal_id", "=", proposalId).execute();
  return rows.map((r) => r.id);
}

export async function setThreadResolved(db: DB, threadId: string, by: { userId: string; at: number } | null, now: number): Promise<void> {
  await db
    .updateTable("threads")
    .set({ resolved_at: by?.at ?? null, resolved_by: by?.userId ?? null, updated_at: now })
    .where("id", "=", threadId)
    .execute();
}

/** Back onto a clause after its own was deleted; the quote's anchor no longer applies there. */
export async function moveThread(db: DB, threadId: string, clauseId: string, now: number): Promise<void> {
  await db.updateTable("threads").set({ clause_id: clauseId, anchor_json: null, updated_at: now }).where("id", "=", threadId).execute();
}

export async function insertComment(db: DB, comment: { id: string; threadId: string; authorId: string; body: string; at: number }): Promise<void> {
  await db
    .insertInto("comments")
    .values({
      id: comment.id,
      thread_id: comment.threadId,
      author_id: comment.authorId,
      body: comment.body,
      created_at: comment.at,
      edited_at: null,
      deleted_at: null,
    })
    .execute();
}

export async function commentById(db: DB, commentId: string) {
  return db.selectFrom("comments").select(["thread_id", "author_id", "body", "deleted_at"]).where("id", "=", commentId).executeTakeFirst();
}

/** The current text of comments in shared threads (deleted ones are left out). */
export async function commentBodies(db: DB, commentIds: string[]): Promise<Map<string, string>> {
  if (commentIds.length === 0) return new Map();
  const rows = await db
    .selectFrom("comments as c")
    .innerJoin("threads as t", "t.id", "c.thread_id")
    .select(["c.id", "c.body"])
    .where("c.id", "in", commentIds)
    .where("t.visibility", "=", "shared")
    .where("c.deleted_at", "is", null)
    .execute();
  return new Map(rows.map((r) => [r.id, r.body]));
}

export async function editComment(db: DB, commentId: string, body: string, now: number): Promise<void> {
  await db.updateTable("comments").set({ body, edited_at: now }).where("id", "=", commentId).execute();
}

/** The row stays, so the thread still reads in order ("comment deleted"); only the text goes. */
export async function deleteCommentText(db: DB, commentId: string, now: number): Promise<void> {
  await db.updateTable("comments").set({ body: "", deleted_at: now }).where("id", "=", commentId).execute();
}

/** Shared threads resolved between two moments (a session's minutes), oldest first, with who resolved them. */
export async function sharedThreadsResolved(
  db: DB,
  negotiationId: string,
  from: number,
  to: number,
): Promise<{ clauseId: string; at: number; by: string | null }[]> {
  const rows = await db
    .selectFrom("threads as t")
    .leftJoin("users as u", "u.id", "t.resolved_by")
    .select(["t.clause_id", "t.resolved_at", "u.name"])
    .where("t.negotiation_id", "=", negotiationId)
    .where("t.visibility", "=", "shared")
    .where("t.resolved_at", ">=", from)
    .where("t.resolved_at", "<=", to)
    .orderBy("t.resolved_at")
    .execute();
  return rows.map((r) => ({ clauseId: r.clause_id, at: r.resolved_at!, by: r.name }));
}
