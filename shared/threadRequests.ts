import { z } from "zod";
import { idSchema } from "./idSchema";
import { maxCommentLength } from "./threads";

// What the thread and comment endpoints accept. Apart from shared/threads.ts, which the browser
// bundles, so that zod stays out of the page's JavaScript.

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
