// Most updates are keystrokes: characters inserted next to other characters, characters deleted.
// Those cannot break the schedule's shape, whatever else is in the update's bytes, and can be
// recognised from the decoded update and the room's document alone, without trying them on the
// guard's replica (which would double the cost of every keystroke).
import * as Y from "yjs";
import { storedStruct } from "./storedStruct";

type DecodedUpdate = ReturnType<typeof Y.decodeUpdate>;

const isTextItem = (struct: Y.Item | Y.GC | null): boolean =>
  struct instanceof Y.Item &&
  struct.parent instanceof Y.XmlText &&
  (struct.content instanceof Y.ContentString || struct.content instanceof Y.ContentFormat || struct.deleted);

/**
 * Whether the update only inserts text next to existing text (or text it inserted before) and
 * only deletes text: nothing a schema could object to. Call it after the dependency check.
 * Anything else (new elements, attributes, marks, deletes of elements) goes the long way.
 */
export function isPlainTyping(update: DecodedUpdate, room: Y.Doc): boolean {
  const earlier = new Map<number, number>(); // client → end of this update's text structs so far
  const isText = (id: Y.ID | null) => id !== null && (isTextItem(storedStruct(room.store, id)) || id.clock < (earlier.get(id.client) ?? -1));
  for (const struct of update.structs) {
    // Decoded items that inherit their place name no parent; a text item is placed by its origins.
    if (!(struct instanceof Y.Item) || !(struct.content instanceof Y.ContentString) || struct.parent !== null || struct.parentSub !== null) return false;
    if (struct.origin === null && struct.rightOrigin === null) return false;
    if ((struct.origin !== null && !isText(struct.origin)) || (struct.rightOrigin !== null && !isText(struct.rightOrigin))) return false;
    earlier.set(struct.id.client, Math.max(earlier.get(struct.id.client) ?? -1, struct.id.clock + struct.length));
  }
  for (const [client, ranges] of update.ds.clients) {
    const structs = room.store.clients.get(client);
    const known = Y.getState(room.store, client);
    for (const { clock, len } of ranges) {
      // Deleting what this update itself inserts is deleting text; everything else must be text.
      for (let i = structs && clock < known ? Y.findIndexSS(structs, clock) : -1; i >= 0 && i < structs!.length && structs![i]!.id.clock < clock + len; i++) {
        const struct = structs![i] as Y.Item | Y.GC;
        if (!(struct instanceof Y.GC) && !isTextItem(struct)) return false;
      }
    }
  }
  return true;
}
