// Proposals (docs/decisions/020-proposals-as-marks.md): what the API and the browser share.
import { z } from "zod";
import type { FormattingMark } from "../editor/schema";
import type { Party, Role } from "../roles";

import { changesModes } from "./changesMode";

export { changesModes, isChangesMode, type ChangesMode } from "./changesMode";

/** Text or a clause added or removed, formatting changed (decision 030), or a clause moved (decision 031). */
export const proposalKinds = ["insert", "delete", "format", "move"] as const;
export type ProposalKind = (typeof proposalKinds)[number];

/**
 * What a proposal adds or removes: text inside a clause or heading, a whole clause (decision 027),
 * a new paragraph or list item inside a clause, or a new section (decision 033).
 */
export type ProposalScope = "text" | "clause" | "block" | "section";

export const proposalStatuses = ["open", "accepted", "rejected", "withdrawn"] as const;
export type ProposalStatus = (typeof proposalStatuses)[number];

/** The marks in the schedule that carry a proposal's id, by kind. */
export const proposalMarkOf: Record<Exclude<ProposalKind, "move">, "insertion" | "deletion" | "modification"> = {
  insert: "insertion",
  delete: "deletion",
  format: "modification",
};

export const maxReasonLength = 500;

export interface ProposalView {
  id: string;
  clauseId: string | null;
  kind: ProposalKind;
  scope: ProposalScope;
  /**
   * Who made it: a member, or a tracked change read from a Word file ("Word: <author>"), then with
   * the member who imported it and answers for it.
   */
  author: { id: string; name: string; party: Party | Role; importedBy?: string };
  createdAt: number;
  /** The marked text in the document as it is now; a whole clause's heading. */
  text: string;
  reason: string | null;
  status: ProposalStatus;
  /** A formatting proposal's change (decision 030), as its first run shows it. */
  formatting?: FormattingChangeView;
  /** A move: where the clause stood (decision 031). */
  movedFrom?: { sectionId: string; afterClauseId: string | null };
  /** A new block (`scope: "block"`, decision 033): what kind of block it is. */
  block?: ProposedBlock;
}

export type ProposedBlock = "paragraph" | "listItem" | "table";

export type FormattingName = FormattingMark["type"];

/** The formatting a proposal puts on and takes off. */
export interface FormattingChangeView {
  on: FormattingName[];
  off: FormattingName[];
}

/** An open proposal with the clause it is in now (null: a section heading, or its clause has gone). */
export interface OutlinedProposal extends ProposalView {
  clause: { number: string; heading: string } | null;
}

export const settingsSchema = z.object({ changes: z.enum(changesModes) }).strict();

export const proposalListQuerySchema = z.object({ status: z.enum(["open", "all"]).default("open") });

const reasonSchema = z.string().trim().max(maxReasonLength);

export const proposalActionSchema = z.discriminatedUnion("action", [
  z.object({ action: z.enum(["accept", "reject", "withdraw"]), reason: reasonSchema.optional() }).strict(),
  z.object({ action: z.literal("reason"), reason: reasonSchema }).strict(),
]);
export type ProposalAction = z.infer<typeof proposalActionSchema>;
/** What the other party (or the author) does with a proposal. */
export type ProposalDecision = Exclude<ProposalAction["action"], "reason">;

/** Many at once: every open proposal in one clause, or every open one by one member. */
export const bulkProposalActionSchema = z.union([
  z.object({ action: z.enum(["accept", "reject"]), clauseId: z.string().min(1).max(64) }).strict(),
  z.object({ action: z.enum(["accept", "reject"]), authorId: z.string().min(1).max(64) }).strict(),
]);
