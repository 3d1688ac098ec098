import type { EditorView } from "prosemirror-view";
import { insertClauseNode } from "../../../shared/editor/commands";
import { clauseNode } from "../../../shared/editor/scheduleTemplate";
import type { LevelName } from "../../../shared/templates/wizardAnswers";
import type { RequirementView } from "../../../shared/knowledge/localize";

/**
 * Inserts a clause for a catalogue requirement, with the sample text of the chosen level in the
 * reader's language, after the clause holding the cursor. False when the entry could not be read.
 */
export async function insertRequirement(view: EditorView, requirementId: string, level: LevelName): Promise<boolean> {
  const res = await fetch(`/api/knowledge/${encodeURIComponent(requirementId)}`).catch(() => null);
  if (!res?.ok) return false;
  const entry = (await res.json()) as RequirementView;
  const text = entry.levels.find((l) => l.level === level)?.clause ?? entry.summary;
  insertClauseNode(clauseNode({ heading: entry.title, requirement: entry.id, body: [text], fields: entry.fields }))(view.state, view.dispatch, view);
  view.focus();
  return true;
}
