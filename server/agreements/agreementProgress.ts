import { progressOf } from "../../shared/agreements/clauseStatus";
import type { Services } from "../context";
import { readSchedule } from "./scheduleDocument";
import { recordStatuses } from "./versions";

/** "34 of 42 agreed" (clauses and the structure), from the live schedule and the parties' latest decisions. */
export async function agreementProgress(services: Services, negotiationId: string): Promise<{ agreed: number; total: number }> {
  return progressOf(await recordStatuses(services.db, negotiationId, readSchedule(services, negotiationId)));
}

/** Review dates this close (or past) show as due on the dashboard. */
export const reviewWarningMs = 30 * 24 * 60 * 60 * 1000;
