import { z } from "zod";
import { calendarDate, reviewDateMs } from "./calendarDate";
import type { Party } from "../roles";
import { decisions, type PartyDecision } from "./clauseStatus";
import { structureUnitId } from "./scheduleStructure";
import { idSchema } from "../idSchema";

export interface SignoffView {
  party: Party;
  userName: string;
  hash: string;
  at: number;
}

/** Everything a member's screen needs to show agreement state; pushed live on every change. */
export interface AgreementSnapshot {
  /** 0 for the first negotiation, then one per amendment round. */
  round: number;
  /** Set while an effective agreement is in force and no amendment round is open. */
  frozenAt: number | null;
  reviewDueAt: number | null;
  decisions: PartyDecision[];
  /** This round's latest sign-off per party. */
  signoffs: SignoffView[];
  /** Set while an amendment (or review) round is open on an agreement in force. */
  openRound: OpenRoundView | null;
}

/** An open round: since when, and which signed version stays in force until the parties sign again. */
export interface OpenRoundView {
  kind: "amendment" | "review";
  openedAt: number;
  inForce: { number: number; name: string };
}

/** A clause's id, or the schedule's structure (section headings, order, which clauses it holds). */
const unitId = z.union([idSchema, z.literal(structureUnitId)]);

/** POST /api/negotiations/:id/agreements */
export const decisionSchema = z
  .object({
    clauseId: unitId,
    decision: z.enum(decisions),
    /** Why a change is needed: opens a shared thread on a clause; kept with the decision on the structure. */
    reason: z.string().trim().max(10_000).optional(),
    /** The unit's hash the member was looking at; a mismatch means it moved on meanwhile. */
    seenHash: z
      .string()
      .regex(/^[0-9a-f]{64}$/)
      .optional(),
  })
  .refine((d) => d.decision === "agreed" || (d.reason?.length ?? 0) > 0, { message: "Say what needs to change.", path: ["reason"] });

export const versionNameSchema = z.object({ name: z.string().trim().min(1).max(200) });

/** A calendar date, YYYY-MM-DD, read as midnight UTC. */
export const reviewDateSchema = z.object({
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "Use YYYY-MM-DD.")
    // Round-tripping catches 2027-02-30, which Date.parse would quietly turn into 2 March.
    .refine((d) => {
      const ms = Date.parse(`${d}T00:00:00Z`);
      return !Number.isNaN(ms) && calendarDate(ms) === d;
    }, "Not a calendar date."),
});
export { calendarDate, reviewDateMs };
