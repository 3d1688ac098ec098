import { z } from "zod";
import { roles } from "../roles";

/** How a negotiation's party members change the schedule (issue #14): directly, or only by proposals. */
export const changesModes = ["together", "proposals"] as const;
export type ChangesMode = (typeof changesModes)[number];
export const changesModeSchema = z.enum(changesModes);

/** A negotiation's way of working, from its row (column `changes_mode`, #14); "together" before there is one. */
export function changesModeOf(row: object): ChangesMode {
  return changesModeSchema.catch("together").parse("changes_mode" in row ? row.changes_mode : undefined);
}

export const proposalActions = ["accept", "reject", "withdraw"] as const;
export type ProposalAction = (typeof proposalActions)[number];

/** One entry of GET /api/negotiations/:id/proposals: the server's record of a mark's id (decision 020). */
export const proposalViewSchema = z.object({
  id: z.string(),
  clauseId: z.string().nullable(),
  kind: z.enum(["insert", "delete"]),
  /** The author's party, or the role of an author who belongs to neither (an advisor). */
  author: z.object({ id: z.string(), name: z.string(), party: z.enum(roles) }),
  /** Milliseconds, or an ISO time. */
  createdAt: z.union([z.number(), z.string().transform((iso) => Date.parse(iso))]),
  text: z.string(),
  reason: z.string().nullish(),
  status: z.string().default("open"),
});
export type ProposalView = z.infer<typeof proposalViewSchema>;

export const proposalListSchema = z.array(proposalViewSchema);
