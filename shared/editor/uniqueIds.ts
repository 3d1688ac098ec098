import type { Node as PMNode } from "prosemirror-model";
import { EditorState, Plugin, type Transaction } from "prosemirror-state";
import { newId } from "../ids";

const idTypes = new Set(["clause", "section"]);

/**
 * Gives every clause and section an id and keeps ids unique. A split, a paste or a copy produces a
 * second node with an existing id; the original (the node at `originals`, where the edit's mapping
 * put the nodes that were there before) keeps it, with its threads and agreements, and the copy gets
 * a fresh one, wherever it was pasted. Without a known original the first in document order keeps
 * it. A move keeps the id: the old node is gone. (The server does the same for copies it receives.)
 */
export function fixIds(doc: PMNode, tr: Transaction, originals: ReadonlySet<number> = new Set()): Transaction {
  const seen = new Set<string>();
  const claimed = new Set<string>();
  doc.descendants((node, pos) => {
    if (idTypes.has(node.type.name) && originals.has(pos) && node.attrs.id) claimed.add(node.attrs.id as string);
    return node.type.name === "doc" || node.type.name === "section";
  });
  doc.descendants((node, pos) => {
    if (!idTypes.has(node.type.name)) return node.type.name === "doc" || node.type.name === "section";
    const id = node.attrs.id as string | null;
    const someoneElses = !!id && claimed.has(id) && !originals.has(pos);
    if (!id || seen.has(id) || someoneElses) {
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
    appendTransaction(transactions: readonly Transaction[], old: EditorState, state: EditorState) {
      if (!transactions.some((tr) => tr.docChanged) || !idsNeedFixing(state.doc)) return null;
      return fixIds(state.doc, state.tr, originalPositions(old.doc, transactions)).setMeta("addToHistory", false);
    },
  });
}

/** Where the clauses and sections of `before` are after `transactions` (those that survived). */
function originalPositions(before: PMNode, transactions: readonly Transaction[]): Set<number> {
  const out = new Set<number>();
  before.descendants((node, pos) => {
    if (!idTypes.has(node.type.name)) return node.type.name === "doc";
    let mapped: number | null = pos;
    for (const tr of transactions) {
      const result = tr.mapping.mapResult(mapped, 1);
      mapped = result.deletedAfter ? null : result.pos;
      if (mapped === null) break;
    }
    if (mapped !== null) out.add(mapped);
    return node.type.name === "section";
  });
  return out;
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
