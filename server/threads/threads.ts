import { listMembers } from "../../db/queries/negotiations";
import { newId } from "../../shared/ids";
import type { Member } from "../../shared/member";
import type { Role } from "../../shared/roles";
import { canSeeThread, type ThreadView } from "../../shared/threads";
import type { z } from "zod";
import type { commentActionSchema, newThreadSchema, threadActionSchema } from "../../shared/threads";
import { translate } from "../../shared/i18n/index";
import { authorize } from "../authorize";
import type { Services } from "../context";
import { DomainError } from "../errors";
import { loadThreads } from "./threadStore";

export async function visibleThreads(services: Services, negotiationId: string, role: Role): Promise<ThreadView[]> {
  return (await loadThreads(services.db, negotiationId)).filter((t) => canSeeThread(role, t));
}

async function visibleThread(services: Services, negotiationId: string, threadId: string, actor: Member): Promise<ThreadView> {
  const [thread] = await loadThreads(services.db, negotiationId, threadId);
  // An internal thread of the other party does not exist, as far as this member can tell.
  if (!thread || !canSeeThread(actor.role, thread)) throw new DomainError(404, "threads.error.notFound");
  return thread;
}

export async function createThread(services: Services, negotiationId: string, actor: Member, input: z.infer<typeof newThreadSchema>) {
  authorize(actor, "comment");
  if (input.visibility === "internal") authorize(actor, "keepInternalNotes");
  const party = input.visibility === "internal" ? actor.party : null;
  const now = Date.now();
  const threadId = newId();
  const commentId = newId();
  await services.db.transaction().execute(async (trx) => {
    await trx
      .insertInto("threads")
      .values({
        id: threadId,
        negotiation_id: negotiationId,
        clause_id: input.clauseId,
        anchor_json: input.anchor ? JSON.stringify(input.anchor) : null,
        quote: input.quote,
        visibility: input.visibility,
        party,
        created_by: actor.userId,
        created_at: now,
        updated_at: now,
        resolved_at: null,
        resolved_by: null,
      })
      .execute();
    await trx.insertInto("comments").values({ id: commentId, thread_id: threadId, author_id: actor.userId, body: input.body, created_at: now, edited_at: null, deleted_at: null }).execute();
  });
  await notifyMentions(services, negotiationId, { id: threadId, visibility: input.visibility, party }, commentId, actor, input.body);
  return publish(services, negotiationId, threadId);
}

export async function actOnThread(services: Services, negotiationId: string, threadId: string, actor: Member, input: z.infer<typeof threadActionSchema>) {
  authorize(actor, "comment");
  const thread = await visibleThread(services, negotiationId, threadId, actor);
  const now = Date.now();
  const db = services.db;
  if (input.action === "reply") {
    const commentId = newId();
    await db.insertInto("comments").values({ id: commentId, thread_id: thread.id, author_id: actor.userId, body: input.body, created_at: now, edited_at: null, deleted_at: null }).execute();
    await notifyMentions(services, negotiationId, thread, commentId, actor, input.body);
  } else if (input.action === "resolve") {
    await db.updateTable("threads").set({ resolved_at: now, resolved_by: actor.userId, updated_at: now }).where("id", "=", thread.id).execute();
  } else if (input.action === "reopen") {
    await db.updateTable("threads").set({ resolved_at: null, resolved_by: null, updated_at: now }).where("id", "=", thread.id).execute();
  } else {
    // Back onto a clause after its own was deleted; the quote no longer applies there.
    await db.updateTable("threads").set({ clause_id: input.clauseId, anchor_json: null, updated_at: now }).where("id", "=", thread.id).execute();
  }
  return publish(services, negotiationId, thread.id);
}

export async function actOnComment(services: Services, negotiationId: string, commentId: string, actor: Member, input: z.infer<typeof commentActionSchema>) {
  // The role now, not when the comment was written: a member demoted to observer no longer writes.
  authorize(actor, "comment");
  const comment = await services.db.selectFrom("comments").select(["thread_id", "author_id", "deleted_at"]).where("id", "=", commentId).executeTakeFirst();
  if (!comment) throw new DomainError(404, "threads.error.notFound");
  const thread = await visibleThread(services, negotiationId, comment.thread_id, actor);
  if (comment.author_id !== actor.userId) throw new DomainError(403, "threads.error.notYours");
  if (comment.deleted_at) throw new DomainError(410, "threads.error.deleted");
  const now = Date.now();
  if (input.action === "edit") {
    await services.db.updateTable("comments").set({ body: input.body, edited_at: now }).where("id", "=", commentId).execute();
  } else {
    // The row stays, so the thread still reads in order ("comment deleted"); only the text goes.
    await services.db.updateTable("comments").set({ body: "", deleted_at: now }).where("id", "=", commentId).execute();
  }
  return publish(services, negotiationId, thread.id);
}

/** Sends the changed thread to every live connection in the room that may see it. */
async function publish(services: Services, negotiationId: string, threadId: string): Promise<ThreadView> {
  const [thread] = await loadThreads(services.db, negotiationId, threadId);
  services.collaboration.pushThread(negotiationId, thread!);
  await services.db.updateTable("negotiations").set({ last_activity_at: Date.now() }).where("id", "=", negotiationId).execute();
  return thread!;
}

/** "@Full Name" of a member who can see the thread notifies them (and mails them with SMTP_URL). */
async function notifyMentions(
  services: Services,
  negotiationId: string,
  thread: { id: string; visibility: string; party: string | null },
  commentId: string,
  actor: Member,
  body: string,
) {
  const members = await listMembers(services.db, negotiationId);
  const mentioned = members.filter((m) => m.userId !== actor.userId && body.includes(`@${m.name}`) && canSeeThread(m.role, thread));
  if (mentioned.length === 0) return;
  const now = Date.now();
  await services.db
    .insertInto("notifications")
    .values(mentioned.map((m) => ({ user_id: m.userId, negotiation_id: negotiationId, thread_id: thread.id, comment_id: commentId, created_at: now, read_at: null })))
    .execute();
  if (!services.config.smtpUrl) return;
  for (const m of mentioned) {
    const text = (["en", "nl"] as const).map((l) => translate(l, "threads.mail.body", { name: actor.name, text: body.slice(0, 2000) })).join("\n\n---\n\n");
    await services.mailer.send({ to: m.email, subject: translate("en", "threads.mail.subject", { name: actor.name }), text }).catch((error) => {
      services.logger.warn({ err: error }, "mention mail failed");
    });
  }
}
