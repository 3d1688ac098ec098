// Reads a schedule out of its Y.XmlFragment without ever writing to it. y-prosemirror's own
// converter repairs what does not fit by deleting Yjs items, which on the server would turn a
// read (an export, a dashboard) into an edit of the live or even a frozen document. This one
// either returns a document that passes ProseMirror's checks, or says where the shape breaks.
import type { Mark, Node as PMNode } from "prosemirror-model";
import * as Y from "yjs";
import { scheduleIdPattern } from "../ids";
import { isSafeHref, scheduleSchema } from "./schema";

export class ScheduleShapeError extends Error {}

const fail = (path: string, problem: string): never => {
  throw new ScheduleShapeError(`${path}: ${problem}`);
};

/** A clause's or section's requirement link: a knowledge-base id. */
export const requirementPattern = /^[a-z0-9][a-z0-9-]{0,99}$/;

/**
 * The one rule for attribute values, shared by the reader and the server's update guard. Clause
 * ids are required and well-formed; everything else may be absent (the schema default applies).
 */
export function attributeProblem(nodeName: string, key: string, value: unknown): string | null {
  const type = scheduleSchema.nodes[nodeName];
  if (!type || !(key in (type.spec.attrs ?? {}))) return `unknown attribute "${key.slice(0, 40)}" on ${nodeName}`;
  if (value === undefined) return nodeName === "clause" && key === "id" ? "a clause needs an id" : null;
  switch (key) {
    case "id":
      return typeof value === "string" && scheduleIdPattern.test(value) ? null : `${nodeName} id must be a plain id string`;
    case "requirement":
      return value === null || (typeof value === "string" && requirementPattern.test(value)) ? null : "requirement must be a knowledge-base id";
    case "order":
      return Number.isInteger(value) && (value as number) >= 0 && (value as number) < 1e6 ? null : "list order must be a whole number";
    default:
      return `unknown attribute "${key}"`;
  }
}

/** A mark as y-prosemirror stores it (a format attribute on Y.XmlText), or why it cannot be one. */
export function markProblem(name: string, value: unknown): string | null {
  const type = scheduleSchema.marks[name];
  if (!type) return `unknown mark "${name.slice(0, 40)}"`;
  if (value === null) return null; // formatting removed
  if (typeof value !== "object" || Array.isArray(value)) return `mark ${name} must carry an attribute object`;
  const attrs = value as Record<string, unknown>;
  const allowed = Object.keys(type.spec.attrs ?? {});
  for (const key of Object.keys(attrs)) if (!allowed.includes(key)) return `unknown attribute "${key.slice(0, 40)}" on mark ${name}`;
  if (name === "link" && !isSafeHref(attrs.href)) return "links may only point to http(s) or mailto addresses";
  return null;
}

function readText(text: Y.XmlText, path: string): PMNode[] {
  const out: PMNode[] = [];
  for (const delta of text.toDelta() as { insert: unknown; attributes?: Record<string, unknown> }[]) {
    if (typeof delta.insert !== "string") fail(path, "only text belongs in a text run");
    const marks: Mark[] = [];
    for (const [name, value] of Object.entries(delta.attributes ?? {})) {
      const problem = markProblem(name, value);
      if (problem) fail(path, problem);
      if (value !== null) marks.push(scheduleSchema.mark(name, value as Record<string, unknown>));
    }
    if ((delta.insert as string).length > 0) out.push(scheduleSchema.text(delta.insert as string, marks));
  }
  return out;
}

function readElement(element: Y.XmlElement, path: string): PMNode {
  const type = scheduleSchema.nodes[element.nodeName];
  if (!type || element.nodeName === "doc" || element.nodeName === "text") fail(path, `unknown element "${element.nodeName.slice(0, 40)}"`);
  const attrs = element.getAttributes() as Record<string, unknown>;
  for (const [key, value] of Object.entries(attrs)) {
    const problem = attributeProblem(element.nodeName, key, value);
    if (problem) fail(path, problem);
  }
  if (element.nodeName === "clause" && attrs.id === undefined) fail(path, "a clause needs an id");
  const children = readChildren(element, `${path}/${element.nodeName}`);
  try {
    const node = type!.create(attrs, children);
    node.check();
    return node;
  } catch (error) {
    return fail(path, `${element.nodeName} does not fit the schema (${(error as Error).message.slice(0, 120)})`);
  }
}

function readChildren(parent: Y.XmlElement | Y.XmlFragment, path: string): PMNode[] {
  const out: PMNode[] = [];
  parent.toArray().forEach((child, index) => {
    const at = `${path}[${index}]`;
    if (child instanceof Y.XmlText) out.push(...readText(child, at));
    else if (child instanceof Y.XmlElement) out.push(readElement(child, at));
    else fail(at, "only XML elements and text belong in a schedule");
  });
  return out;
}

/** Clause ids are unique across the schedule (threads and agreements hang on them). */
function checkUniqueClauseIds(doc: PMNode) {
  const seen = new Set<string>();
  doc.forEach((section) =>
    section.forEach((child) => {
      if (child.type.name !== "clause") return;
      const id = child.attrs.id as string;
      if (seen.has(id)) fail("schedule", `clause id ${id} appears twice`);
      seen.add(id);
    }),
  );
}

/** The schedule in `fragment`, checked against the schema and the clause-id rules. Never writes. */
export function scheduleFromYjs(fragment: Y.XmlFragment): PMNode {
  const doc = scheduleSchema.topNodeType.create(null, readChildren(fragment, "schedule"));
  try {
    doc.check();
  } catch (error) {
    fail("schedule", (error as Error).message.slice(0, 120));
  }
  checkUniqueClauseIds(doc);
  return doc;
}
