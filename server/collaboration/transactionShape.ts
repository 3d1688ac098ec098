// Whether a Yjs transaction left the schedule inside our ProseMirror schema. It looks only at what
// the transaction touched (the structs it created and the types it changed), so a keystroke costs
// a few microseconds however long the schedule is. The rules themselves are the schema's own
// (content expressions, allowed marks) and shared/editor/scheduleFromYjs.ts's attribute rules.
import type { NodeType } from "prosemirror-model";
import * as Y from "yjs";
import { attributeProblem, markProblem } from "../../shared/editor/scheduleFromYjs";
import { scheduleSchema } from "../../shared/editor/schema";

const textType = scheduleSchema.nodes.text!;

const nodeTypeOf = (type: Y.XmlElement | Y.XmlFragment): NodeType | undefined =>
  type instanceof Y.XmlElement ? scheduleSchema.nodes[type.nodeName] : scheduleSchema.topNodeType;

const isLive = (type: { _item: Y.Item | null }) => type._item === null || !type._item.deleted;

export interface ShapeCheck {
  /** Why the transaction broke the schedule's shape, or null when it did not. */
  problem: string | null;
  /**
   * Clauses (by their element's Yjs id) that took an id another clause already had: a copy, or
   * two members moving the same clause at once. Each must get a fresh id; the clause that had it
   * first keeps it.
   */
  copies: Y.ID[];
}

const refused = (problem: string): ShapeCheck => ({ problem, copies: [] });

export function checkTransaction(tr: Y.Transaction, fragment: Y.XmlFragment): ShapeCheck {
  const problem = transactionProblem(tr, fragment);
  if (typeof problem === "string") return refused(problem);
  return { problem: null, copies: problem.clausesChanged ? clauseCopies(tr, fragment) : [] };
}

function transactionProblem(tr: Y.Transaction, fragment: Y.XmlFragment): string | { clausesChanged: boolean } {
  const childrenChanged = new Set<Y.XmlElement | Y.XmlFragment>();
  const attributesChanged = new Set<Y.XmlElement>();
  let clausesChanged = false;

  for (const [client, after] of tr.afterState) {
    const before = tr.beforeState.get(client) ?? 0;
    if (after <= before) continue;
    const structs = tr.doc.store.clients.get(client)!;
    for (let i = Y.findIndexSS(structs, before); i < structs.length && structs[i]!.id.clock < after; i++) {
      const item = structs[i]!;
      if (!(item instanceof Y.Item) || item.deleted) continue;
      const parent = item.parent as Y.AbstractType<unknown>;
      if (parent._item === null && parent !== fragment) return "only the schedule fragment may hold content";
      if (item.parentSub !== null) {
        if (!(parent instanceof Y.XmlElement)) return "attributes belong on elements only";
        if (!(item.content instanceof Y.ContentAny) || item.content.getLength() !== 1) return "attribute values must be plain";
        attributesChanged.add(parent);
        continue;
      }
      const content = item.content;
      if (parent instanceof Y.XmlText) {
        if (content instanceof Y.ContentString) continue;
        if (!(content instanceof Y.ContentFormat)) return "only text and marks belong in a text run";
        const problem = markProblem(content.key, content.value);
        if (problem) return problem;
        const holder = parent.parent;
        const markType = scheduleSchema.marks[content.key]!;
        if (holder instanceof Y.XmlElement && !scheduleSchema.nodes[holder.nodeName]?.allowsMarkType(markType)) {
          return `${holder.nodeName} does not take the mark ${content.key}`;
        }
        continue;
      }
      if (!(parent instanceof Y.XmlElement || parent instanceof Y.XmlFragment)) return "content in an unknown kind of type";
      if (!(content instanceof Y.ContentType)) return `content of kind ${content.constructor.name} does not belong in a schedule`;
      childrenChanged.add(parent);
      const type = content.type;
      if (type instanceof Y.XmlElement) {
        if (!nodeTypeOf(type) || type.nodeName === "doc" || type.nodeName === "text") return `unknown element "${type.nodeName.slice(0, 40)}"`;
        childrenChanged.add(type); // validates its (possibly empty) content
        attributesChanged.add(type); // and its (possibly missing) attributes
        if (type.nodeName === "clause" || type.nodeName === "section") clausesChanged = true;
      } else if (!(type instanceof Y.XmlText)) {
        return "only XML elements and text belong in a schedule";
      }
    }
  }
  for (const [type, keys] of tr.changed) {
    if (keys.has(null) && (type instanceof Y.XmlElement || type instanceof Y.XmlFragment)) childrenChanged.add(type);
    if (type instanceof Y.XmlElement && [...keys].some((k) => k !== null)) attributesChanged.add(type);
  }

  for (const element of attributesChanged) {
    if (!isLive(element)) continue;
    const attrs = element.getAttributes() as Record<string, unknown>;
    for (const [key, value] of Object.entries(attrs)) {
      const problem = attributeProblem(element.nodeName, key, value);
      if (problem) return problem;
    }
    if (element.nodeName === "clause") {
      if (attrs.id === undefined) return "a clause needs an id";
      clausesChanged = true;
    }
  }
  for (const type of childrenChanged) {
    if (!isLive(type)) continue;
    const problem = contentProblem(type);
    if (problem) return problem;
  }
  return { clausesChanged };
}

/** The element's children against its node type's content expression. */
function contentProblem(type: Y.XmlElement | Y.XmlFragment): string | null {
  const nodeType = nodeTypeOf(type)!;
  let match: ReturnType<NodeType["contentMatch"]["matchType"]> = nodeType.contentMatch;
  for (const child of type.toArray()) {
    let childType: NodeType | undefined;
    if (child instanceof Y.XmlText) {
      if (child.length === 0) continue; // an empty run is no node at all
      childType = textType;
    } else if (child instanceof Y.XmlElement) {
      childType = scheduleSchema.nodes[child.nodeName];
    }
    match = childType ? match!.matchType(childType) : null;
    if (!match) return `${child instanceof Y.XmlElement ? child.nodeName : "text"} does not belong there in ${nodeType.name}`;
  }
  return match!.validEnd ? null : `${nodeType.name} is missing required content`;
}

/** Whether `item` was there before the transaction began. */
const isOlder = (tr: Y.Transaction, item: Y.Item) => item.id.clock < (tr.beforeState.get(item.id.client) ?? 0);

function clauseCopies(tr: Y.Transaction, fragment: Y.XmlFragment): Y.ID[] {
  const byId = new Map<string, Y.XmlElement[]>();
  for (const section of fragment.toArray()) {
    if (!(section instanceof Y.XmlElement)) continue;
    for (const clause of section.toArray()) {
      if (!(clause instanceof Y.XmlElement) || clause.nodeName !== "clause") continue;
      const id = clause.getAttribute("id") as unknown as string;
      byId.set(id, [...(byId.get(id) ?? []), clause]);
    }
  }
  const copies: Y.ID[] = [];
  for (const holders of byId.values()) {
    if (holders.length < 2) continue;
    // The clause whose id attribute predates this transaction keeps it (else the first in order).
    const keeper = holders.find((el) => isOlder(tr, el._map.get("id")!)) ?? holders[0]!;
    for (const el of holders) if (el !== keeper) copies.push(el._item!.id);
  }
  return copies;
}
