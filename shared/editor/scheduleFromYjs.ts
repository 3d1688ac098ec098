// Reads a schedule out of its Y.XmlFragment without ever writing to it. y-prosemirror's own
// converter repairs what does not fit by deleting Yjs items, which on the server would turn a
// read (an export, a dashboard) into an edit of the live or even a frozen document. This one
// either returns a document that passes ProseMirror's checks, or says where the shape breaks.
import { Fragment, type Mark, type Node as PMNode, type NodeType } from "prosemirror-model";
import * as Y from "yjs";
import { newId, scheduleIdPattern } from "../ids";
import { formattingMarkNames, isSafeHref, scheduleSchema } from "./schema";

export class ScheduleShapeError extends Error {}

const fail = (path: string, problem: string): never => {
  throw new ScheduleShapeError(`${path}: ${problem}`);
};

/** A clause's or section's requirement link: a knowledge-base id. */
export const requirementPattern = /^[a-z0-9][a-z0-9-]{0,99}$/;

/** A placeholder's field: what kind of blank it is (amount, annex, …), for lists and exports. */
export const placeholderFieldPattern = /^[a-z][a-z0-9-]{0,59}$/;
const placeholderTextLimit = { label: 200, hint: 1000 } as const;

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
    case "insertion":
    case "deletion":
      return value === null || (typeof value === "string" && scheduleIdPattern.test(value)) ? null : `a clause's ${key} must be a proposal id`;
    case "requirement":
      return value === null || (typeof value === "string" && requirementPattern.test(value)) ? null : "requirement must be a knowledge-base id";
    case "field":
      return typeof value === "string" && placeholderFieldPattern.test(value) ? null : "a placeholder's field must be a short lower-case id";
    case "label":
    case "hint":
      return typeof value === "string" && value.length <= placeholderTextLimit[key]
        ? null
        : `a placeholder's ${key} must be text of at most ${placeholderTextLimit[key]} characters`;
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
  if ((name === "insertion" || name === "deletion" || name === "modification") && !(typeof attrs.id === "string" && scheduleIdPattern.test(attrs.id)))
    return `mark ${name} needs a proposal id`;
  if (name === "modification" && !isFormattingList(attrs.was)) return "a formatting proposal must say which formatting the text had";
  return null;
}

/** A formatting proposal's `was` (decision 030): each formatting mark at most once, in the schema's order, links safe. */
function isFormattingList(value: unknown): boolean {
  if (!Array.isArray(value) || value.length > formattingMarkNames.length) return false;
  let last = -1;
  return value.every((entry: unknown) => {
    if (entry === null || typeof entry !== "object" || Array.isArray(entry)) return false;
    const { type, attrs, ...rest } = entry as { type?: unknown; attrs?: unknown };
    const rank = formattingMarkNames.indexOf(type as (typeof formattingMarkNames)[number]);
    if (rank <= last || Object.keys(rest).length > 0) return false;
    last = rank;
    if (type !== "link") return attrs === undefined;
    const href = (attrs as { href?: unknown } | null | undefined)?.href;
    return typeof attrs === "object" && attrs !== null && Object.keys(attrs).length === 1 && isSafeHref(href);
  });
}

/**
 * How a read treats what does not fit: strictly (it throws, saying where) or leniently (it leaves
 * the misfit out and lets ProseMirror fill what a node requires, the way a browser would show it).
 */
interface ReadMode {
  strict: boolean;
  /** Clause ids already used, so a lenient read gives copies (and id-less clauses) fresh ones. */
  clauseIds: Set<string>;
}

const misfit = (mode: ReadMode, path: string, problem: string): null => {
  if (mode.strict) fail(path, problem);
  return null;
};

function readText(text: Y.XmlText, path: string, mode: ReadMode): PMNode[] {
  const out: PMNode[] = [];
  for (const delta of text.toDelta() as { insert: unknown; attributes?: Record<string, unknown> }[]) {
    if (typeof delta.insert !== "string") {
      misfit(mode, path, "only text belongs in a text run");
      continue;
    }
    const marks: Mark[] = [];
    for (const [name, value] of Object.entries(delta.attributes ?? {})) {
      const problem = markProblem(name, value);
      if (problem) misfit(mode, path, problem);
      else if (value !== null) marks.push(scheduleSchema.mark(name, value as Record<string, unknown>));
    }
    if (delta.insert.length > 0) out.push(scheduleSchema.text(delta.insert, marks));
  }
  return out;
}

function readAttributes(element: Y.XmlElement, path: string, mode: ReadMode): Record<string, unknown> {
  const attrs: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(element.getAttributes() as Record<string, unknown>)) {
    const problem = attributeProblem(element.nodeName, key, value);
    if (problem) misfit(mode, path, problem);
    else attrs[key] = value;
  }
  if (element.nodeName === "clause") {
    const id = attrs.id as string | undefined;
    if (id === undefined) misfit(mode, path, "a clause needs an id");
    else if (mode.clauseIds.has(id)) misfit(mode, "schedule", `clause id ${id} appears twice`);
    if (id === undefined || mode.clauseIds.has(id)) attrs.id = newId();
    mode.clauseIds.add(attrs.id as string);
  }
  return attrs;
}

function readElement(element: Y.XmlElement, path: string, mode: ReadMode): PMNode | null {
  const type = scheduleSchema.nodes[element.nodeName];
  if (!type || type === scheduleSchema.topNodeType || type.isText) return misfit(mode, path, `unknown element "${element.nodeName.slice(0, 40)}"`);
  const attrs = readAttributes(element, path, mode);
  const children = readChildren(element, `${path}/${element.nodeName}`, mode);
  return fitted(type, attrs, children, path, mode);
}

/** The node with these children, if they fit its content expression; leniently, made to fit. */
function fitted(type: NodeType, attrs: Record<string, unknown> | null, children: PMNode[], path: string, mode: ReadMode): PMNode | null {
  if (type.validContent(Fragment.from(children))) return type.create(attrs, children);
  if (mode.strict) return fail(path, `${type.name} does not fit the schema`);
  const kept: PMNode[] = [];
  let match = type.contentMatch;
  for (const child of children) {
    const fill = match.fillBefore(Fragment.from(child));
    if (!fill || !type.allowsMarks(child.marks)) continue; // a child that cannot belong here is left out
    fill.forEach((node) => kept.push(node));
    kept.push(child);
    match = match.matchFragment(fill)!.matchType(child.type)!;
  }
  match.fillBefore(Fragment.empty, true)?.forEach((node) => kept.push(node));
  return type.createChecked(attrs, kept);
}

function readChildren(parent: Y.XmlElement | Y.XmlFragment, path: string, mode: ReadMode): PMNode[] {
  const out: PMNode[] = [];
  parent.toArray().forEach((child, index) => {
    const at = `${path}[${index}]`;
    if (child instanceof Y.XmlText) out.push(...readText(child, at, mode));
    else if (child instanceof Y.XmlElement) {
      const node = readElement(child, at, mode);
      if (node) out.push(node);
    } else misfit(mode, at, "only XML elements and text belong in a schedule");
  });
  return out;
}

/** The schedule in `fragment`, checked against the schema and the clause-id rules. Never writes. */
export function scheduleFromYjs(fragment: Y.XmlFragment): PMNode {
  return read(fragment, true);
}

/**
 * The schedule as far as it fits, for documents stored before the server checked every update:
 * what does not fit is left out, and clauses without a (unique) id get a fresh one. Never writes.
 */
export function scheduleFromYjsLeniently(fragment: Y.XmlFragment): PMNode {
  return read(fragment, false);
}

function read(fragment: Y.XmlFragment, strict: boolean): PMNode {
  const mode = { strict, clauseIds: new Set<string>() };
  return fitted(scheduleSchema.topNodeType, null, readChildren(fragment, "schedule", mode), "schedule", mode)!;
}
