import { listMembers, touchNegotiation, type NegotiationMember } from "../../db/queries/negotiations";
import type { DB } from "../../db/connection";
import { insertNotifications } from "../../db/queries/notifications";
import {
  commentById,
  deleteCommentText,
  editComment,
  insertComment,
  insertThread,
  loadThreads,
  moveThread,
  proposalThreadId,
  setThreadResolved,
} from "../../db/queries/threads";
import { newId } from "../../shared/ids";
import type { Member } from "../../shared/member";
import type { Role } from "../../shared/roles";
import { canSeeThread, type ThreadView, type Visibility } from "../../shared/threads";
import type { z } from "zod";
import type { commentActionSchema, NewClauseThread, threadActionSchema } from "../../shared/threadRequests";
import { translate } from "../../shared/i18n/index";
import { inEveryLanguage } from "../mail/inEveryLanguage";
import { authorize } from "../authorize";
import type { Services } from "../context";
import { DomainError } from "../errors";
import { pushThread } from "./pushThread";
import { proposalTopic } from "./proposalThreads";
import { announceMove } from "../activity/announceMove";
import { recordMove, type Move } from "../activity/recordMove";
import { clauseLabel } from "../activity/clauseLabel";
import { CustomMessage } from "../../shared/collaboration/messages";
import { mentionedIds } from "../../shared/mentions";
import { plainText } from "../../shared/plainText";

export async function visibleThreads(services: Services, negotiationId: string, role: Role): Promise<ThreadView[]> {
  return (await loadThreads(services.db, negotiationId)).filter((t) => canSeeThread(role, t));
}

async function visibleThread(services: Services, negotiationId: string, threadId: string, actor: Member): Promise<ThreadView> {
  const [thread] = await loadThreads(services.db, negotiationId, threadId);
  // An internal thread of the other party does not exist, as far as this member can tell.
  if (!thread || !canSeeThread(actor.role, thread)) throw new DomainError(404, "threads.error.notFound");
  return thread;
}

/**
 * `byDecision`: the thread a request for change opens; the decision is the recorded move, so its
 * reason is not a second one.
 */
export async function createThread(services: Services, negotiationId: string, actor: Member, input: NewClauseThread, options: { byDecision?: boolean } = {}) {
  authorizeStart(actor, input.visibility);
  const { threadId } = await startThread(
    services,
    negotiationId,
    actor,
    { ...input, proposalId: null, anchorJson: input.anchor ? JSON.stringify(input.anchor) : null },
    options.byDecision ? null : clauseLabel(services, negotiationId, input.clauseId),
  );
  return publish(services, negotiationId, threadId);
}

/**
 * "Discuss" on a proposal: its thread for this audience (shared, or the member's party's internal
 * notes), started on the proposal's clause and quoting it, or, once started, a reply to it.
 */
export async function discussProposal(
  services: Services,
  negotiationId: string,
  actor: Member,
  input: { proposalId: string; visibility: Visibility; body: string },
): Promise<{ thread: ThreadView; created: boolean }> {
  authorizeStart(actor, input.visibility);
  const topic = await proposalTopic(services, negotiationId, input.proposalId);
  const started = await startThread(
    services,
    negotiationId,
    actor,
    { ...input, clauseId: topic.clauseId, quote: topic.text.slice(0, 500) || null, anchorJson: null },
    clauseLabel(services, negotiationId, topic.clauseId),
  );
  return { thread: await publish(services, negotiationId, started.threadId), created: started.created };
}

function authorizeStart(actor: Member, visibility: Visibility) {
  authorize(actor, "comment");
  if (visibility === "internal") authorize(actor, "keepInternalNotes");
}

interface ThreadStart {
  clauseId: string;
  proposalId: string | null;
  anchorJson: string | null;
  quote: string | null;
  visibility: Visibility;
  body: string;
}

/** A new thread with its first comment; on a proposal whose thread for this audience exists, a reply to that one. */
async function startThread(
  services: Services,
  negotiationId: string,
  actor: Member,
  input: ThreadStart,
  /** The clause's label for a move; null when the comment is no move of its own. */
  clause: { number?: string; heading?: string } | null,
): Promise<{ threadId: string; created: boolean }> {
  const party = input.visibility === "internal" ? actor.party : null;
  const now = Date.now();
  const commentId = newId();
  const audience = { clauseId: input.clauseId, visibility: input.visibility, party, proposalId: input.proposalId };
  const mentioned = await mentionedMembers(services, negotiationId, audience, actor, input.body);
  // Looked up inside the transaction, which SQLite runs one at a time: two "Discuss" at once make one thread.
  const { threadId, created, move } = await services.db.transaction().execute(async (trx) => {
    const existing = input.proposalId ? await proposalThreadId(trx, negotiationId, input.proposalId, { visibility: input.visibility, party }) : null;
    const threadId = existing ?? newId();
    if (!existing) {
      await insertThread(trx, {
        id: threadId,
        negotiationId,
        clauseId: input.clauseId,
        proposalId: input.proposalId,
        anchorJson: input.anchorJson,
        quote: input.quote,
        visibility: input.visibility,
        party,
        createdBy: actor.userId,
        at: now,
      });
    }
    await insertComment(trx, { id: commentId, threadId, authorId: actor.userId, body: input.body, at: now });
    const move = await noteComment(trx, negotiationId, { ...audience, id: threadId }, commentId, actor, mentioned, clause);
    return { threadId, created: !existing, move };
  });
  await afterComment(services, negotiationId, move, mentioned, actor, input.body);
  return { threadId, created };
}

export async function actOnThread(services: Services, negotiationId: string, threadId: string, actor: Member, input: z.infer<typeof threadActionSchema>) {
  authorize(actor, "comment");
  const thread = await visibleThread(services, negotiationId, threadId, actor);
  const now = Date.now();
  const db = services.db;
  if (input.action === "reply") {
    const commentId = newId();
    const mentioned = await mentionedMembers(services, negotiationId, thread, actor, input.body);
    const clause = clauseLabel(services, negotiationId, thread.clauseId);
    const move = await db.transaction().execute(async (trx) => {
      await insertComment(trx, { id: commentId, threadId: thread.id, authorId: actor.userId, body: input.body, at: now });
      return noteComment(trx, negotiationId, { ...thread, proposalId: thread.proposal?.id ?? null }, commentId, actor, mentioned, clause);
    });
    await afterComment(services, negotiationId, move, mentioned, actor, input.body);
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
    // Whom the edit names for the first time hears of it, as of a new comment; whom it named before, not again.
    const before = new Set(mentionedIds(comment.body));
    const mentioned = (await mentionedMembers(services, negotiationId, thread, actor, input.body)).filter((m) => !before.has(m.userId));
    await services.db.transaction().execute(async (trx) => {
      await editComment(trx, commentId, input.body, now);
      await noteComment(trx, negotiationId, thread, commentId, actor, mentioned, null);
    });
    await afterComment(services, negotiationId, null, mentioned, actor, input.body);
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

type ThreadShape = { id: string; clauseId: string; visibility: string; party: string | null; proposalId?: string | null };

/**
 * The members a comment mentions, by the ids in its `@[Name](user:ID)` tokens (shared/mentions.ts).
 * Naming someone who may not see the thread (the other party, in an internal note; a non-member)
 * is refused, so nobody believes they told a person who will never read it.
 */
async function mentionedMembers(
  services: Services,
  negotiationId: string,
  thread: Omit<ThreadShape, "id">,
  actor: Member,
  body: string,
): Promise<NegotiationMember[]> {
  const ids = mentionedIds(body).filter((id) => id !== actor.userId);
  if (ids.length === 0) return [];
  const members = await listMembers(services.db, negotiationId);
  const mentioned = members.filter((m) => ids.includes(m.userId) && canSeeThread(m.role, thread));
  if (mentioned.length !== ids.length) throw new DomainError(400, "threads.error.mentionNotVisible");
  return mentioned;
}

/**
 * Inside the comment's transaction: mentions notify whom they name; a comment in a shared thread is
 * also a move the other side hears about (once: a mentioned member gets the mention only).
 */
async function noteComment(
  trx: DB,
  negotiationId: string,
  thread: ThreadShape,
  commentId: string,
  actor: Member,
  mentioned: NegotiationMember[],
  /** The clause's label for a move; null when the comment is no move of its own. */
  clause: { number?: string; heading?: string } | null,
): Promise<Move | null> {
  const mentionedUsers = mentioned.map((m) => m.userId);
  await insertNotifications(trx, mentionedUsers, { kind: "mention", negotiationId, threadId: thread.id, commentId, at: Date.now() });
  if (!clause || thread.visibility !== "shared") return null;
  return recordMove(
    trx,
    {
      negotiationId,
      userId: actor.userId,
      action: "comment.shared",
      detail: { clauseId: thread.clauseId, ...clause, threadId: thread.id, commentId, ...(thread.proposalId ? { proposalId: thread.proposalId } : {}) },
    },
    actor.party,
    { threadId: thread.id, commentId, alreadyNotified: mentionedUsers },
  );
}

/** After the commit: pushes, and with SMTP_URL a mail to each mentioned member. */
async function afterComment(services: Services, negotiationId: string, move: Move | null, mentioned: NegotiationMember[], actor: Member, body: string) {
  if (move) announceMove(services, move);
  const mentionedUsers = new Set(mentioned.map((m) => m.userId));
  if (mentionedUsers.size > 0) services.collaboration.push(negotiationId, CustomMessage.notification, { negotiationId }, (u) => mentionedUsers.has(u.userId));
  if (!services.config.smtpUrl) return;
  for (const m of mentioned) {
    const text = inEveryLanguage((l) => translate(l, "threads.mail.body", { name: actor.name, text: plainText(body, 2000) }));
    await services.mailer.send({ to: m.email, subject: translate("en", "threads.mail.subject", { name: actor.name }), text }).catch((error) => {
      services.logger.warn({ err: error }, "mention mail failed");
    });
  }
}
