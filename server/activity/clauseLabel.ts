import { findClause } from "../../shared/editor/numbering";
import type { Services } from "../context";
import { readSchedule } from "../agreements/scheduleDocument";

/** The clause's number and heading now, for an activity entry to name it as the audit log does. */
export function clauseLabel(services: Services, negotiationId: string, clauseId: string): { number?: string; heading?: string } {
  const found = findClause(readSchedule(services, negotiationId), clauseId);
  return found ? { number: found.number, heading: found.node.firstChild?.textContent ?? "" } : {};
}
