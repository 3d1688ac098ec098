// Finding one's way in a schedule's Y.XmlFragment and building its parts at the Yjs level, as
// y-prosemirror lays them out (docs/architecture.md, "The document data contract"), for tests that
// write Yjs updates by hand; and the strict check that a document is a schedule.
import assert from "node:assert/strict";
import type { Node as PMNode } from "prosemirror-model";
import * as Y from "yjs";
import { scheduleIdPattern } from "../../shared/ids";
import { scheduleFromYjs } from "../../shared/editor/scheduleFromYjs";
import { scheduleFragmentName } from "../../shared/editor/schema";

export function childElements(parent: Y.XmlElement | Y.XmlFragment, name?: string): Y.XmlElement[] {
  return parent.toArray().filter((c): c is Y.XmlElement => c instanceof Y.XmlElement && (name === undefined || c.nodeName === name));
}

export const sectionsOf = (fragment: Y.XmlFragment) => childElements(fragment, "section");

export const clausesOf = (fragment: Y.XmlFragment) => sectionsOf(fragment).flatMap((section) => childElements(section, "clause"));

/** The text run of a paragraph or heading (y-prosemirror keeps one per text block). */
export function textOf(block: Y.XmlElement): Y.XmlText | null {
  const first = block.get(0);
  return first instanceof Y.XmlText ? first : null;
}

/** A not yet inserted text block (paragraph or heading) holding `text`. */
export function textBlock(name: string, text: string, marks?: Record<string, unknown>): Y.XmlElement {
  const block = new Y.XmlElement(name);
  const run = new Y.XmlText();
  run.insert(0, text, marks);
  block.insert(0, [run]);
  return block;
}

/** A not yet inserted clause with a heading and one paragraph; `id: null` leaves the id out. */
export function clauseElement(id: string | null, heading: string, body: string, requirement?: string): Y.XmlElement {
  const clause = new Y.XmlElement("clause");
  if (id !== null) clause.setAttribute("id", id);
  if (requirement) clause.setAttribute("requirement", requirement);
  clause.insert(0, [textBlock("clause_heading", heading), textBlock("paragraph", body)]);
  return clause;
}

/** Where `element` stands among its parent's children. */
export function indexInParent(element: Y.XmlElement): number {
  return (element.parent as Y.XmlElement | Y.XmlFragment).toArray().indexOf(element);
}

/** Runs `change` on `doc` in one transaction and returns the Yjs update it produced. */
export function updateOf(doc: Y.Doc, change: () => void): Uint8Array {
  const updates: Uint8Array[] = [];
  const collect = (update: Uint8Array) => updates.push(update);
  doc.on("update", collect);
  try {
    doc.transact(change);
  } finally {
    doc.off("update", collect);
  }
  return updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates);
}

/**
 * The document is a schedule: nothing but the schedule fragment at the root, and that converts
 * strictly (schema, content order, attribute types, marks, links) with unique, plain clause ids.
 */
export function assertValidSchedule(doc: Y.Doc, who: string): PMNode {
  assert.deepEqual([...doc.share.keys()], [scheduleFragmentName], `${who}: root types`);
  let schedule: PMNode;
  try {
    schedule = scheduleFromYjs(doc.getXmlFragment(scheduleFragmentName));
  } catch (error) {
    throw new assert.AssertionError({ message: `${who}: the schedule does not convert strictly: ${(error as Error).message}` });
  }
  const ids: unknown[] = [];
  schedule.descendants((node) => {
    if (node.type.name === "clause") ids.push(node.attrs.id);
    return node.type.name === "doc" || node.type.name === "section";
  });
  const runs = (type: Y.XmlElement | Y.XmlFragment): Y.XmlText[] =>
    type.toArray().flatMap((child) => (child instanceof Y.XmlText ? [child] : child instanceof Y.XmlElement ? runs(child) : []));
  // The converter reads a run's text and marks only; attributes on the run itself are no part of a schedule.
  for (const run of runs(doc.getXmlFragment(scheduleFragmentName))) assert.deepEqual(run.getAttributes(), {}, `${who}: a text run carries attributes`);
  for (const id of ids) assert.ok(typeof id === "string" && scheduleIdPattern.test(id), `${who}: clause id ${String(id)} is a plain id`);
  assert.equal(new Set(ids).size, ids.length, `${who}: clause ids are unique`);
  return schedule;
}
