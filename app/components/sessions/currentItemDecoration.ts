import { Plugin, PluginKey } from "prosemirror-state";
import { Decoration, DecorationSet } from "prosemirror-view";
import { findClause } from "../../../shared/editor/numbering";

/** The clause a live session is discussing (decision 034), set as this plugin's meta. */
export const currentItemKey = new PluginKey<string | null>("sessionCurrentItem");

/** Highlights the clause under discussion in everyone's editor, wherever it stands now. */
export function currentItemPlugin(): Plugin<string | null> {
  return new Plugin<string | null>({
    key: currentItemKey,
    state: {
      init: () => null,
      apply: (tr, value) => {
        const set = tr.getMeta(currentItemKey) as string | null | undefined;
        return set === undefined ? value : set;
      },
    },
    props: {
      decorations(state) {
        const clauseId = currentItemKey.getState(state);
        const found = clauseId ? findClause(state.doc, clauseId) : null;
        if (!found) return null;
        return DecorationSet.create(state.doc, [Decoration.node(found.pos, found.pos + found.node.nodeSize, { class: "session-current" })]);
      },
    },
  });
}
