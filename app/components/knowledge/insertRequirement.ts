import type { EditorView } from "prosemirror-view";
import { insertClauseNode } from "../../../shared/editor/commands";
import { clauseNode } from "../../../shared/editor/scheduleTemplate";
import type { LevelName } from "../../../shared/templates/wizardAnswers";
import type { RequirementView } from "../../../shared/knowledge/localize";
import { levelMeetingFloors } from "../../../shared/knowledge/legalFloor";

/**
 * Inserts a clause for a catalogue requirement, with the sample text of the chosen level in the
 * reader's language, after the clause holding the cursor; with `regimes`, at the lowest level from
 * the chosen one up that meets their legal minimum (decision 037). False when the entry could not be read.
 */
export async function insertRequirement(view: EditorView, requirementId: string, chosen: LevelName, regimes: readonly string[] = []): Promise<boolean> {
  const res = await fetch(`/api/knowledge/${encodeURIComponent(requirementId)}`).catch(() => null);
  if (!res?.ok) return false;
  const entry = (await res.json()) as RequirementView;
  const belowOf = (level: LevelName) => entry.levels.find((l) => l.level === level)?.below.map((b) => b.element) ?? [];
  const level = levelMeetingFloors(chosen, regimes, belowOf);
  const text = entry.levels.find((l) => l.level === level)?.clause ?? entry.summary;
  insertClauseNode(clauseNode({ heading: entry.title, requirement: entry.id, body: [text], fields: entry.fields }))(view.state, view.dispatch, view);
  view.focus();
  return true;
}
