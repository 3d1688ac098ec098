import { z } from "zod";
import { partyOf, type Party, type Role } from "./roles";
import { idSchema } from "./ids";

export const maxCommentLength = 10_000;

export type Visibility = "shared" | "internal";

/** A thread as the browser sees it. Internal threads reach only members of `party`. */
export interface ThreadView {
  id: string;
  clauseId: string;
  anchor: { start: unknown; end: unknown } | null;
  quote: string | null;
  visibility: Visibility;
  party: Party | null;
  createdBy: { id: string; name: string };
  createdAt: number;
  resolved: { by: string; at: number } | null;
  comments: CommentView[];
}

export interface CommentView {
  id: string;
  author: { id: string; name: string; role: Role | null };
  /** Null once deleted: the comment stays in place as "comment deleted". */
  body: string | null;
  createdAt: number;
  editedAt: number | null;
  mentions: string[];
}

/** The one visibility rule: shared threads for every member, internal ones for their party only. */
export function canSeeThread(viewerRole: Role, thread: { visibility: string; party: string | null }): boolean {
  if (thread.visibility === "shared") return true;
  const party = partyOf(viewerRole);
  return party !== null && party === thread.party;
}

const relativePosition = z.record(z.unknown()).refine((v) => JSON.stringify(v).length < 500, "anchor too large");

export const commentBody = z.string().trim().min(1).max(maxCommentLength);

export const newThreadSchema = z.object({
  clauseId: idSchema,
  visibility: z.enum(["shared", "internal"]),
  body: commentBody,
  anchor: z.object({ start: relativePosition, end: relativePosition }).nullable().default(null),
  quote: z.string().max(500).nullable().default(null),
});

export const threadActionSchema = z.discriminatedUnion("action", [
  z.object({ action: z.literal("reply"), body: commentBody }),
  z.object({ action: z.literal("resolve") }),
  z.object({ action: z.literal("reopen") }),
  z.object({ action: z.literal("reattach"), clauseId: idSchema }),
]);

export const commentActionSchema = z.discriminatedUnion("action", [
  z.object({ action: z.literal("edit"), body: commentBody }),
  z.object({ action: z.literal("delete") }),
]);
