import { TextSelection } from "prosemirror-state";
import type { EditorView } from "prosemirror-view";
import { structureUnitId } from "../../../shared/agreements/scheduleStructure";
import { findClause } from "../../../shared/editor/numbering";

/**
 * Puts the cursor into a clause's heading (for the structure: the first section's heading) and
 * scrolls it into view, so that the side panel's Clause tab follows it. False when it is gone.
 */
export function goToClause(view: EditorView, clauseId: string, { focus }: { focus: boolean }): boolean {
  const found = clauseId === structureUnitId ? { pos: 0 } : findClause(view.state.doc, clauseId);
  if (!found) return false;
  // +2: into the clause (or section), then into its heading.
  const selection = TextSelection.near(view.state.doc.resolve(found.pos + 2));
  view.dispatch(view.state.tr.setSelection(selection).scrollIntoView());
  (view.nodeDOM(found.pos) as HTMLElement | null)?.scrollIntoView?.({ block: "center" });
  if (focus) view.focus();
  return true;
}
