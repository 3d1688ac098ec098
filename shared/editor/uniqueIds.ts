import type { Node as PMNode } from "prosemirror-model";
import { EditorState, Plugin, type Transaction } from "prosemirror-state";
import { newId } from "../ids";

const idTypes = new Set(["clause", "section"]);

/**
 * Gives every clause and section an id and keeps ids unique. A split, a paste or a copy produces a
 * second node with an existing id; the later one in document order gets a fresh id, so the original
 * keeps its identity (and its threads and agreements). A move keeps the id: the old node is gone.
 * Peers that see the same duplicate pick the same node, and Yjs settles any race on the attribute.
 */
export function fixIds(doc: PMNode, tr: Transaction): Transaction {
  const seen = new Set<string>();
  doc.descendants((node, pos) => {
    if (!idTypes.has(node.type.name)) return node.type.name === "doc" || node.type.name === "section";
    const id = node.attrs.id as string | null;
    if (!id || seen.has(id)) {
      tr.setNodeAttribute(pos, "id", newId());
    } else {
      seen.add(id);
    }
    return node.type.name === "section";
  });
  return tr;
}

export function idsNeedFixing(doc: PMNode): boolean {
  const seen = new Set<string>();
  let broken = false;
  doc.descendants((node) => {
    if (broken) return false;
    if (!idTypes.has(node.type.name)) return false;
    const id = node.attrs.id as string | null;
    if (!id || seen.has(id)) broken = true;
    seen.add(id ?? "");
    return node.type.name === "section";
  });
  return broken;
}

export function uniqueIdsPlugin(): Plugin {
  return new Plugin({
    appendTransaction(transactions: readonly Transaction[], _old: EditorState, state: EditorState) {
      if (!transactions.some((tr) => tr.docChanged) || !idsNeedFixing(state.doc)) return null;
      return fixIds(state.doc, state.tr).setMeta("addToHistory", false);
    },
  });
}

/** A copy of a document in which every clause and section has a new id, for "copy as template". */
export function withFreshIds(doc: PMNode): PMNode {
  const cleared = doc.type.schema.nodeFromJSON(stripIds(doc.toJSON()));
  const state = EditorState.create({ doc: cleared });
  return fixIds(cleared, state.tr).doc;
}

function stripIds(json: { type: string; attrs?: Record<string, unknown>; content?: unknown[] }): typeof json {
  const attrs = json.attrs && idTypes.has(json.type) ? { ...json.attrs, id: null } : json.attrs;
  return { ...json, ...(attrs ? { attrs } : {}), ...(json.content ? { content: json.content.map((c) => stripIds(c as typeof json)) } : {}) };
}
