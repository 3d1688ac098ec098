import { z } from "zod";
import { idSchema } from "./idSchema";
import { maxCommentLength } from "./threads";

// What the thread and comment endpoints accept. Apart from shared/threads.ts, which the browser
// bundles, so that zod stays out of the page's JavaScript.

const relativePosition = z.record(z.unknown()).refine((v) => JSON.stringify(v).length < 500, "anchor too large");

export const commentBody = z.string().trim().min(1).max(maxCommentLength);

/**
 * A thread on a clause (`clauseId`, optionally quoting a selection), or on a proposal (`proposalId`:
 * the server puts it on the proposal's clause and quotes the proposal itself).
 */
export const newThreadSchema = z
  .object({
    clauseId: idSchema.optional(),
    proposalId: idSchema.optional(),
    visibility: z.enum(["shared", "internal"]),
    body: commentBody,
    anchor: z.object({ start: relativePosition, end: relativePosition }).nullable().default(null),
    quote: z.string().max(500).nullable().default(null),
  })
  .superRefine((input, ctx) => {
    if ((input.clauseId === undefined) === (input.proposalId === undefined)) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["clauseId"], message: "give either clauseId or proposalId" });
    }
    if (input.proposalId !== undefined && (input.anchor || input.quote)) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["quote"], message: "a thread on a proposal quotes the proposal" });
    }
  });
export type NewThreadInput = z.infer<typeof newThreadSchema>;
/** A thread on a clause, as the clause's composer and a request for change start one. */
export type NewClauseThread = Omit<NewThreadInput, "clauseId" | "proposalId"> & { clauseId: string };

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
