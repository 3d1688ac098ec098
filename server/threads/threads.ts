import { listMembers, touchNegotiation } from "../../db/queries/negotiations";
import { insertNotifications } from "../../db/queries/notifications";
import { commentById, deleteCommentText, editComment, insertComment, insertThread, loadThreads, moveThread, setThreadResolved } from "../../db/queries/threads";
import { newId } from "../../shared/ids";
import type { Member } from "../../shared/member";
import type { Role } from "../../shared/roles";
import { canSeeThread, type ThreadView } from "../../shared/threads";
import type { z } from "zod";
import type { commentActionSchema, newThreadSchema, threadActionSchema } from "../../shared/threads";
import { translate } from "../../shared/i18n/index";
import { inEveryLanguage } from "../mail/inEveryLanguage";
import { authorize } from "../authorize";
import type { Services } from "../context";
import { DomainError } from "../errors";
import { pushThread } from "./pushThread";

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
    await insertThread(trx, {
      id: threadId,
      negotiationId,
      clauseId: input.clauseId,
      anchorJson: input.anchor ? JSON.stringify(input.anchor) : null,
      quote: input.quote,
      visibility: input.visibility,
      party,
      createdBy: actor.userId,
      at: now,
    });
    await insertComment(trx, { id: commentId, threadId, authorId: actor.userId, body: input.body, at: now });
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
    await insertComment(db, { id: commentId, threadId: thread.id, authorId: actor.userId, body: input.body, at: now });
    await notifyMentions(services, negotiationId, thread, commentId, actor, input.body);
  } else if (input.action === "resolve") {
    await setThreadResolved(db, thread.id, { userId: actor.userId, at: now }, now);
  } else if (input.action === "reopen") {
    await setThreadResolved(db, thread.id, null, now);
  } else {
    await moveThread(db, thread.id, input.clauseId, now);
  }
  return publish(services, negotiationId, thread.id);
}

export async function actOnComment(services: Services, negotiationId: string, commentId: string, actor: Member, input: z.infer<typeof commentActionSchema>) {
  // The role now, not when the comment was written: a member demoted to observer no longer writes.
  authorize(actor, "comment");
  const comment = await commentById(services.db, commentId);
  if (!comment) throw new DomainError(404, "threads.error.notFound");
  const thread = await visibleThread(services, negotiationId, comment.thread_id, actor);
  if (comment.author_id !== actor.userId) throw new DomainError(403, "threads.error.notYours");
  if (comment.deleted_at) throw new DomainError(410, "threads.error.deleted");
  const now = Date.now();
  if (input.action === "edit") {
    await editComment(services.db, commentId, input.body, now);
  } else {
    await deleteCommentText(services.db, commentId, now);
  }
  return publish(services, negotiationId, thread.id);
}

/** Sends the changed thread to every live connection in the room that may see it. */
async function publish(services: Services, negotiationId: string, threadId: string): Promise<ThreadView> {
  const [thread] = await loadThreads(services.db, negotiationId, threadId);
  pushThread(services, negotiationId, thread!);
  await touchNegotiation(services.db, negotiationId, Date.now());
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
  await insertNotifications(
    services.db,
    mentioned.map((m) => m.userId),
    { negotiationId, threadId: thread.id, commentId, at: now },
  );
  if (!services.config.smtpUrl) return;
  for (const m of mentioned) {
    const text = inEveryLanguage((l) => translate(l, "threads.mail.body", { name: actor.name, text: body.slice(0, 2000) }));
    await services.mailer.send({ to: m.email, subject: translate("en", "threads.mail.subject", { name: actor.name }), text }).catch((error) => {
      services.logger.warn({ err: error }, "mention mail failed");
    });
  }
}
