// What a client may write into a schedule's Y.Doc: only the element names, attributes and marks
// of our ProseMirror schema, under the one root the editor uses. Checked on the decoded update
// before it is applied, so a modified client cannot store structures no editor understands (or
// use a negotiation's document as free storage). This is the cheap first pass on the decoded
// update alone; where things land (nesting, inherited parents, ids) is checked by scheduleGuard.ts
// on a replica once the update is integrated.
import * as Y from "yjs";
import { scheduleFragmentName, scheduleSchema } from "../../shared/editor/schema";

const elementNames = new Set(Object.keys(scheduleSchema.nodes).filter((name) => name !== "doc" && name !== "text"));
const markNames = new Set(Object.keys(scheduleSchema.marks));
const attributeNames = new Set(Object.values(scheduleSchema.nodes).flatMap((type) => Object.keys(type.spec.attrs ?? {})));

const isPrimitive = (value: unknown) => value === null || ["string", "number", "boolean"].includes(typeof value);

/** Why an update does not fit the schedule, or null when it does. */
export function updateProblem(update: ReturnType<typeof Y.decodeUpdate>): string | null {
  for (const struct of update.structs) {
    if (!(struct instanceof Y.Item)) continue; // GC and Skip carry no content
    // A decoded item names its root type by string (Yjs's typings do not say so).
    const parent = struct.parent as unknown;
    if (typeof parent === "string" && parent !== scheduleFragmentName) return `unknown root type "${parent.slice(0, 40)}"`;
    const content = struct.content;
    if (struct.parentSub !== null) {
      if (!attributeNames.has(struct.parentSub)) return `unknown attribute "${struct.parentSub.slice(0, 40)}"`;
      if (content instanceof Y.ContentAny && !content.getContent().every(isPrimitive)) return "attribute values must be plain";
      if (!(content instanceof Y.ContentAny || content instanceof Y.ContentDeleted)) return "attribute values must be plain";
      continue;
    }
    if (content instanceof Y.ContentString || content instanceof Y.ContentDeleted) continue;
    // An item placed next to another (an origin) inherits its parent and key, which the decoded
    // form does not carry: a replaced attribute looks like this. The guard judges it in place.
    if (content instanceof Y.ContentAny && struct.parent === null) continue;
    if (content instanceof Y.ContentFormat) {
      if (!markNames.has(content.key)) return `unknown mark "${content.key.slice(0, 40)}"`;
      continue;
    }
    if (content instanceof Y.ContentType) {
      if (content.type instanceof Y.XmlText) continue;
      if (content.type instanceof Y.XmlElement && elementNames.has(content.type.nodeName)) continue;
      return content.type instanceof Y.XmlElement
        ? `unknown element "${content.type.nodeName.slice(0, 40)}"`
        : "only XML elements and text belong in a schedule";
    }
    return `content of kind ${content.constructor.name} does not belong in a schedule`;
  }
  return null;
}
