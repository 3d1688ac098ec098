import * as Y from "yjs";
import { Plugin, PluginKey, type EditorState } from "prosemirror-state";
import { Decoration, DecorationSet, type EditorView } from "prosemirror-view";
import { absolutePositionToRelativePosition, relativePositionToAbsolutePosition, ySyncPluginKey } from "y-prosemirror";
import { clauseAt } from "../../../shared/editor/commands";
import { forEachClause } from "../../../shared/editor/numbering";

export interface ThreadMarks {
  /** Open threads per clause id. */
  counts: Record<string, number>;
  /** Quoted ranges, as Yjs relative positions so they follow the text through everyone's edits. */
  anchors: { threadId: string; start: unknown; end: unknown }[];
}

export const threadsKey = new PluginKey<MarkerState>("threads");

type Binding = { doc: Y.Doc; type: Y.XmlFragment; mapping: Map<Y.AbstractType<unknown>, unknown> };
const bindingOf = (state: EditorState) => (ySyncPluginKey.getState(state) as { binding?: Binding } | undefined)?.binding;

/** A quote's current range, or null when its text was deleted (then the whole clause stands for it). */
function absoluteRange(state: EditorState, anchor: { start: unknown; end: unknown }): { from: number; to: number } | null {
  const binding = bindingOf(state);
  if (!binding?.mapping) return null;
  try {
    const toAbs = (json: unknown) =>
      relativePositionToAbsolutePosition(binding.doc, binding.type, Y.createRelativePositionFromJSON(json), binding.mapping as never);
    const from = toAbs(anchor.start);
    const to = toAbs(anchor.end);
    return from !== null && to !== null && from < to && to <= state.doc.content.size ? { from, to } : null;
  } catch {
    return null;
  }
}

export function relativeAnchor(state: EditorState, from: number, to: number): { start: unknown; end: unknown } | null {
  const binding = bindingOf(state);
  if (!binding?.mapping) return null;
  const rel = (pos: number) => Y.relativePositionToJSON(absolutePositionToRelativePosition(pos, binding.type, binding.mapping as never));
  return { start: rel(from), end: rel(to) };
}

interface MarkerState {
  marks: ThreadMarks;
  decorations: DecorationSet;
}

/**
 * A marker on every clause with its number of open threads (a button that opens them), and a
 * highlight on every quoted range. `label(count, clauseId)` gives the marker its accessible name.
 * Only edits and new thread data recompute them; cursor moves reuse the set.
 */
export function threadsPlugin(onOpen: (clauseId: string) => void, label: (count: number) => string): Plugin<MarkerState> {
  const decorate = (state: EditorState, marks: ThreadMarks) => {
    const decorations: Decoration[] = [];
    forEachClause(state.doc, (clause, pos) => {
      const id = clause.attrs.id as string;
      const count = marks.counts[id] ?? 0;
      decorations.push(
        Decoration.widget(
          pos + 1,
          (view) => {
            const button = document.createElement("button");
            button.type = "button";
            button.className = count > 0 ? "thread-marker has-threads" : "thread-marker";
            button.contentEditable = "false";
            button.textContent = count > 0 ? String(count) : "+";
            button.setAttribute("aria-label", label(count));
            button.dataset.clause = id;
            button.tabIndex = -1; // one marker is the tab stop (rovingMarkers), arrows reach the others
            button.addEventListener("click", () => onOpen(id));
            button.addEventListener("keydown", (event) => moveAmongMarkers(view.dom, button, event));
            return button;
          },
          { side: -1, key: `thread-marker-${id}-${count}`, ignoreSelection: true, stopEvent: () => true },
        ),
      );
    });
    for (const anchor of marks.anchors) {
      const range = absoluteRange(state, anchor);
      if (range) decorations.push(Decoration.inline(range.from, range.to, { class: "thread-quote", "data-thread": anchor.threadId }));
    }
    return DecorationSet.create(state.doc, decorations);
  };
  return new Plugin<MarkerState>({
    key: threadsKey,
    state: {
      init: (_, state) => {
        const marks = { counts: {}, anchors: [] };
        return { marks, decorations: decorate(state, marks) };
      },
      apply: (tr, value, _old, state) => {
        const marks = (tr.getMeta(threadsKey) as ThreadMarks | undefined) ?? value.marks;
        if (marks === value.marks && !tr.docChanged) return value;
        return { marks, decorations: decorate(state, marks) };
      },
    },
    props: { decorations: (state) => threadsKey.getState(state)!.decorations },
    view: (view) => {
      rovingMarkers(view);
      return { update: rovingMarkers };
    },
  });
}

const markersIn = (root: HTMLElement) => [...root.querySelectorAll<HTMLButtonElement>("button.thread-marker")];

/**
 * Tab reaches one clause marker, not one per clause: the marker of the clause holding the cursor
 * (else the first). The others are a tab stop only once the arrow keys have moved there.
 */
function rovingMarkers(view: EditorView) {
  const markers = markersIn(view.dom);
  const found = clauseAt(view.state.selection.$from);
  const current = found ? (view.state.doc.nodeAt(found.pos)!.attrs.id as string) : null;
  const stop = markers.find((m) => m.dataset.clause === current) ?? markers[0];
  if (markers.some((m) => m === document.activeElement)) return; // the keyboard is moving among them
  for (const marker of markers) marker.tabIndex = marker === stop ? 0 : -1;
}

function moveAmongMarkers(root: HTMLElement, from: HTMLButtonElement, event: KeyboardEvent) {
  const markers = markersIn(root);
  const index = markers.indexOf(from);
  const next = { ArrowDown: index + 1, ArrowUp: index - 1, Home: 0, End: markers.length - 1 }[event.key];
  if (next === undefined || !markers[next]) return;
  event.preventDefault();
  for (const marker of markers) marker.tabIndex = -1;
  markers[next].tabIndex = 0;
  markers[next].focus();
}
