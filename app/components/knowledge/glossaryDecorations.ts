import type { Node as PMNode } from "prosemirror-model";
import { Plugin, PluginKey, type EditorState } from "prosemirror-state";
import { Decoration, DecorationSet } from "prosemirror-view";
import { glossaryMatcher, type TermForms, type TermMatch } from "../../../shared/knowledge/glossaryMatcher";

export const glossaryKey = new PluginKey<DecorationSet>("glossary");

/** Underlines every glossary term in the schedule; the hint and the sidebar read the marks back. */
export function glossaryPlugin(terms: TermForms[]): Plugin<DecorationSet> {
  const match = glossaryMatcher(terms);
  // Unchanged paragraphs are the same node objects after an edit, so most are not searched again.
  const cache = new WeakMap<PMNode, TermMatch[]>();
  const decorate = (doc: PMNode) => {
    const decorations: Decoration[] = [];
    doc.descendants((node, pos) => {
      if (!node.isTextblock) return true;
      let found = cache.get(node);
      if (!found) {
        // One character per leaf (a hard break is "\n"), so text offsets are document offsets.
        found = match(node.textBetween(0, node.content.size, undefined, "\n"));
        cache.set(node, found);
      }
      for (const m of found) {
        decorations.push(Decoration.inline(pos + 1 + m.from, pos + 1 + m.to, { class: "glossary-term", "data-term": m.id }, { termId: m.id }));
      }
      return false;
    });
    return DecorationSet.create(doc, decorations);
  };
  return new Plugin<DecorationSet>({
    key: glossaryKey,
    state: {
      init: (_, state) => decorate(state.doc),
      apply: (tr, set) => (tr.docChanged ? decorate(tr.doc) : set),
    },
    props: { decorations: (state) => glossaryKey.getState(state) },
  });
}

/** Term ids marked between two positions, in document order, each once. */
export function termsBetween(state: EditorState, from: number, to: number): string[] {
  const set = glossaryKey.getState(state);
  if (!set) return [];
  return [...new Set(set.find(from, to).map((d) => (d.spec as { termId: string }).termId))];
}

/** The term the cursor stands in, if any (a collapsed selection strictly inside or at its start). */
export function termAtCursor(state: EditorState): { id: string; from: number } | null {
  const { empty, from } = state.selection;
  const set = glossaryKey.getState(state);
  if (!empty || !set) return null;
  const hit = set.find(from, from).find((d) => d.from <= from && from < d.to);
  return hit ? { id: (hit.spec as { termId: string }).termId, from: hit.from } : null;
}
