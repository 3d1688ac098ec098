import type { Node as PMNode, ResolvedPos } from "prosemirror-model";
import { TextSelection, type Command } from "prosemirror-state";
import { scheduleSchema as s } from "./schema";
import { clauseNode } from "./scheduleTemplate";

interface Found {
  pos: number;
  depth: number;
}

function ancestor($pos: ResolvedPos, typeName: string): Found | null {
  for (let d = $pos.depth; d > 0; d--) {
    if ($pos.node(d).type.name === typeName) return { pos: $pos.before(d), depth: d };
  }
  return null;
}

export function clauseAt($pos: ResolvedPos): Found | null {
  return ancestor($pos, "clause");
}

/**
 * Inserts a clause after the clause holding the cursor, at the end of the cursor's section, or,
 * with the cursor outside any section, at the end of the schedule.
 */
export function insertClauseNode(node: PMNode): Command {
  return (state, dispatch) => {
    const $from = state.selection.$from;
    const clause = clauseAt($from);
    const section = ancestor($from, "section");
    const insertAt = clause
      ? clause.pos + state.doc.nodeAt(clause.pos)!.nodeSize
      : section
        ? section.pos + state.doc.nodeAt(section.pos)!.nodeSize - 1
        : state.doc.content.size - 1;
    if (dispatch) {
      const tr = state.tr.insert(insertAt, node);
      dispatch(tr.setSelection(TextSelection.create(tr.doc, insertAt + 2)).scrollIntoView());
    }
    return true;
  };
}

/** A new empty clause after the clause holding the cursor (or at the end of the section). */
export const insertClause: Command = (state, dispatch, view) =>
  insertClauseNode(clauseNode({ heading: "", requirement: null, body: [""] }))(state, dispatch, view);

/** Links the clause holding the cursor to a knowledge-base requirement, or unlinks it (null). */
export function setRequirement(requirementId: string | null): Command {
  return (state, dispatch) => {
    const found = clauseAt(state.selection.$from);
    if (!found) return false;
    if (dispatch) dispatch(state.tr.setNodeAttribute(found.pos, "requirement", requirementId));
    return true;
  };
}

/** A new section, with one empty clause, after the section holding the cursor. */
export const insertSection: Command = (state, dispatch) => {
  const section = ancestor(state.selection.$from, "section");
  const insertAt = section ? section.pos + state.doc.nodeAt(section.pos)!.nodeSize : state.doc.content.size;
  if (dispatch) {
    const node = s.nodes.section.create(null, [s.nodes.section_heading.create(), clauseNode({ heading: "", requirement: null, body: [""] })]);
    const tr = state.tr.insert(insertAt, node);
    dispatch(tr.setSelection(TextSelection.create(tr.doc, insertAt + 2)).scrollIntoView());
  }
  return true;
};

/**
 * Moves the clause holding the cursor one place up or down; at a section's edge it moves into the
 * neighbouring section. The node keeps its attributes, so its id (and everything pinned to it) stays.
 */
export function moveClause(direction: -1 | 1): Command {
  return (state, dispatch) => {
    const $from = state.selection.$from;
    const found = clauseAt($from);
    if (!found) return false;
    const clause = state.doc.nodeAt(found.pos)!;
    const $clause = state.doc.resolve(found.pos);
    const section = $clause.parent;
    const index = $clause.index();
    const sectionPos = $clause.before();
    const sectionIndex = state.doc.resolve(sectionPos).index();
    let target: number;
    if (direction === -1 && index > 1) {
      target = found.pos - section.child(index - 1).nodeSize;
    } else if (direction === 1 && index < section.childCount - 1) {
      target = found.pos + clause.nodeSize + section.child(index + 1).nodeSize;
    } else if (direction === -1 && sectionIndex > 0) {
      target = sectionPos - 1; // end of the previous section
    } else if (direction === 1 && sectionIndex < state.doc.childCount - 1) {
      const next = state.doc.child(sectionIndex + 1);
      target = sectionPos + section.nodeSize + 1 + next.firstChild!.nodeSize; // after the next section's heading
    } else {
      return false;
    }
    if (dispatch) {
      const offsetInClause = $from.pos - found.pos;
      const tr = state.tr.delete(found.pos, found.pos + clause.nodeSize);
      const insertAt = tr.mapping.map(target, direction === -1 ? -1 : 1);
      tr.insert(insertAt, clause);
      dispatch(tr.setSelection(TextSelection.near(tr.doc.resolve(insertAt + offsetInClause))).scrollIntoView());
    }
    return true;
  };
}

/** Removes the clause holding the cursor. The UI asks for confirmation before running this. */
export const deleteClause: Command = (state, dispatch) => {
  const found = clauseAt(state.selection.$from);
  if (!found) return false;
  if (dispatch) {
    const clause = state.doc.nodeAt(found.pos)!;
    const tr = state.tr.delete(found.pos, found.pos + clause.nodeSize);
    dispatch(tr.setSelection(TextSelection.near(tr.doc.resolve(Math.min(found.pos, tr.doc.content.size)), -1)).scrollIntoView());
  }
  return true;
};
