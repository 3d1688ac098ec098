// Test support: real ProseMirror views (in jsdom) bound through y-prosemirror, as in the browser,
// making random edits the way users make them. Used by the convergence test here and by the
// server's schema-guard test, which puts the same honest editors behind the guard.
import "./browserGlobals";
import * as Y from "yjs";
import { EditorState, TextSelection } from "prosemirror-state";
import type { Node as PMNode } from "prosemirror-model";
import { ySyncPlugin } from "y-prosemirror";
import { scheduleFragmentName, scheduleSchema as s } from "../schema";
import { uniqueIdsPlugin } from "../uniqueIds";
import { insertClause, moveClause, deleteClause } from "../commands";

const { EditorView } = await import("prosemirror-view");
export type View = InstanceType<typeof EditorView>;

export function random(seed: number) {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 0x1_0000_0000;
  };
}

export interface Peer {
  doc: Y.Doc;
  view: View;
  inbox: Uint8Array[];
}

/** Editors on copies of `initial`, not yet connected: `inbox` holds what the network brings them. */
export function createPeers(count: number, initial: Uint8Array): Peer[] {
  const peers: Peer[] = [];
  for (let i = 0; i < count; i++) {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, initial);
    const view = new EditorView(document.createElement("div"), {
      state: EditorState.create({ schema: s, plugins: [ySyncPlugin(doc.getXmlFragment(scheduleFragmentName)), uniqueIdsPlugin()] }),
    });
    peers.push({ doc, view, inbox: [] });
  }
  return peers;
}

export function positionsWhere(doc: PMNode, pred: (node: PMNode) => boolean): { node: PMNode; pos: number }[] {
  const out: { node: PMNode; pos: number }[] = [];
  doc.descendants((node, pos) => {
    if (pred(node)) out.push({ node, pos });
  });
  return out;
}

export type Rng = () => number;
export const pick = <T>(rng: Rng, items: T[]): T | undefined => items[Math.floor(rng() * items.length)];

/** One random edit, made the way a user would make it: through a transaction on the view. */
export function randomEdit(view: View, rng: Rng, step: number) {
  const { state } = view;
  const paragraphs = positionsWhere(state.doc, (n) => n.type === s.nodes.paragraph);
  const clauses = positionsWhere(state.doc, (n) => n.type === s.nodes.clause);
  const inClause = (at: { pos: number }) => TextSelection.create(state.doc, at.pos + 2);
  const roll = rng();
  if (roll < 0.08) {
    // Link or unlink a clause's requirement, or bold a stretch of text.
    const c = pick(rng, clauses)!;
    if (rng() < 0.5) view.dispatch(state.tr.setNodeAttribute(c.pos, "requirement", rng() < 0.5 ? "backup-management" : null));
    else {
      const p = pick(
        rng,
        paragraphs.filter((x) => x.node.content.size > 2),
      );
      if (p) view.dispatch(state.tr.addMark(p.pos + 1, p.pos + 3, s.marks.bold!.create()));
    }
  } else if (roll < 0.4) {
    const p = pick(rng, paragraphs)!;
    const at = p.pos + 1 + Math.floor(rng() * (p.node.content.size + 1));
    view.dispatch(state.tr.insertText(`w${step} `, at));
  } else if (roll < 0.5) {
    const p = pick(
      rng,
      paragraphs.filter((x) => x.node.content.size > 1),
    );
    if (p) view.dispatch(state.tr.split(p.pos + 1 + Math.floor(rng() * p.node.content.size)));
  } else if (roll < 0.6) {
    // Join: delete from the end of one paragraph to the start of the next in the same clause.
    const p = pick(
      rng,
      paragraphs.filter((x) => state.doc.resolve(x.pos + x.node.nodeSize).nodeAfter?.type === s.nodes.paragraph),
    );
    if (p) view.dispatch(state.tr.delete(p.pos + p.node.nodeSize - 1, p.pos + p.node.nodeSize + 1));
  } else if (roll < 0.72) {
    const c = pick(rng, clauses)!;
    moveClause(rng() < 0.5 ? -1 : 1)(state.apply(state.tr.setSelection(inClause(c))), view.dispatch);
  } else if (roll < 0.84) {
    // Copy: paste the clause again right after itself, id and all; the id plugin must re-id it.
    const c = pick(rng, clauses)!;
    view.dispatch(state.tr.insert(c.pos + c.node.nodeSize, c.node));
  } else if (roll < 0.92) {
    const c = pick(rng, clauses)!;
    insertClause(state.apply(state.tr.setSelection(inClause(c))), view.dispatch);
  } else if (clauses.length > 2) {
    const c = pick(rng, clauses)!;
    deleteClause(state.apply(state.tr.setSelection(inClause(c))), view.dispatch);
  }
}
