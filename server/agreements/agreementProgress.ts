import { latestDecisionRows } from "../../db/queries/agreements";
import { scheduleStates } from "../../shared/agreements/clauseStatus";
import { clauseHashes } from "../../shared/agreements/contentHash";
import type { Services } from "../context";
import { readSchedule } from "./scheduleDocument";

/** "34 of 41 clauses agreed", from the live schedule and the parties' latest decisions. */
export async function agreementProgress(services: Services, negotiationId: string): Promise<{ agreed: number; total: number }> {
  const states = scheduleStates(clauseHashes(readSchedule(services, negotiationId).doc), await latestDecisionRows(services.db, negotiationId));
  return { agreed: states.filter((s) => s.status === "agreed").length, total: states.length };
}

/** Review dates this close (or past) show as due on the dashboard. */
export const reviewWarningMs = 30 * 24 * 60 * 60 * 1000;
