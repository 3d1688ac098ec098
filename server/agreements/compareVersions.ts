import { withoutProposals } from "../../shared/agreements/contentHash";
import { compareSchedules, type ClauseComparison } from "../../shared/agreements/compareSchedules";
import { compareStructure, scheduleStructure, type StructureChanges } from "../../shared/agreements/scheduleStructure";
import { scheduleFromJson, scheduleModel } from "../../shared/editor/scheduleModel";
import type { Services } from "../context";
import { readSchedule } from "./scheduleDocument";
import { getVersion } from "./versions";

export interface ComparedSide {
  id: string;
  label: { number: number; name: string } | null;
}

/** Two versions (or a version and the current draft), clause by clause, and their structure. */
export async function compareVersions(
  services: Services,
  negotiationId: string,
  fromId: string,
  toId: string,
): Promise<{ from: ComparedSide; to: ComparedSide; clauses: ClauseComparison[]; structure: StructureChanges }> {
  const side = async (id: string) => {
    if (id === "current") return { side: { id, label: null } as ComparedSide, doc: readSchedule(services, negotiationId) };
    const version = await getVersion(services.db, negotiationId, id);
    return { side: { id, label: { number: version.number, name: version.name } } as ComparedSide, doc: scheduleFromJson(version.content) };
  };
  // Like the redline (decision 026), a comparison reads the text without its open proposals:
  // what is only proposed is on the Proposals tab, not a change of the schedule.
  const withoutOpen = async (id: string) => {
    const found = await side(id);
    return { ...found, doc: found.doc.copy(withoutProposals(found.doc.content)) };
  };
  const from = await withoutOpen(fromId);
  const to = await withoutOpen(toId);
  const structure = compareStructure(scheduleStructure(from.doc), scheduleStructure(to.doc));
  // The structure knows sections: a clause that changed section without changing its place in
  // reading order moved, and clauses carried along by a moved section did not.
  const moved = new Set(structure.moves.map((m) => m.clauseId));
  const clauses = compareSchedules(scheduleModel(from.doc), scheduleModel(to.doc)).map((c) =>
    c.kind === "added" || c.kind === "removed" ? c : { ...c, moved: moved.has(c.to.id) },
  );
  return { from: from.side, to: to.side, clauses, structure };
}
