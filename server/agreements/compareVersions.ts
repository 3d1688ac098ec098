import { compareSchedules, type ClauseComparison } from "../../shared/agreements/compareSchedules";
import { scheduleFromJson, scheduleModel } from "../../shared/editor/scheduleModel";
import type { Services } from "../context";
import { readSchedule } from "./scheduleDocument";
import { getVersion } from "./versions";

export interface ComparedSide {
  id: string;
  label: { number: number; name: string } | null;
}

/** Two versions (or a version and the current draft), clause by clause. */
export async function compareVersions(services: Services, negotiationId: string, fromId: string, toId: string) {
  const side = async (id: string) => {
    if (id === "current") return { side: { id, label: null } as ComparedSide, model: scheduleModel(readSchedule(services, negotiationId)) };
    const version = await getVersion(services.db, negotiationId, id);
    return { side: { id, label: { number: version.number, name: version.name } } as ComparedSide, model: scheduleModel(scheduleFromJson(version.content)) };
  };
  const from = await side(fromId);
  const to = await side(toId);
  const clauses: ClauseComparison[] = compareSchedules(from.model, to.model);
  return { from: from.side, to: to.side, clauses };
}
