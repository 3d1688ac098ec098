// Yjs trusts that an id names one item forever. When an update carries a struct whose first part
// the room already has (normal in sync: an editor merges its keystrokes into one item and answers
// a stale state vector), Yjs integrates only the unseen rest and links it after the room's item
// just before it, while keeping the parent that the struct itself names. A hostile client can send
// a struct under a known id that names another place: the rest is then linked into one list (say
// a clause's `id` attribute) while belonging to another (a text run), every check of the room sees
// text, and every peer that decodes it sees a text item as the clause's id. So the rest must
// continue in the place the room's item is in.
import * as Y from "yjs";
import { storedStruct } from "./storedStruct";

type DecodedUpdate = ReturnType<typeof Y.decodeUpdate>;
type Place = { parent: unknown; key: string | null } | "collected" | "unknown";

/** Where Yjs will put `struct` (Item.getMissing's rules), judged from the room alone. */
function placeOf(struct: Y.Item, doc: Y.Doc): Place {
  const neighbour = struct.origin ?? struct.rightOrigin;
  if (neighbour) {
    const item = storedStruct(doc.store, neighbour);
    if (item === null) return "unknown";
    return item instanceof Y.GC ? "collected" : { parent: item.parent, key: item.parentSub };
  }
  const parent = struct.parent as unknown;
  if (typeof parent === "string") {
    const root = doc.share.get(parent);
    return root ? { parent: root, key: struct.parentSub } : "unknown";
  }
  if (!(parent instanceof Y.ID)) return "unknown";
  const item = storedStruct(doc.store, parent);
  if (item === null) return "unknown";
  if (item instanceof Y.GC || !(item.content instanceof Y.ContentType)) return "collected";
  return { parent: item.content.type, key: struct.parentSub };
}

/**
 * Why `update` would splice a struct's unseen rest into a place other than the one it names, or
 * null. Call it after the dependency check, before the update reaches the guard or the room.
 */
export function partlyKnownProblem(update: DecodedUpdate, doc: Y.Doc): string | null {
  const reached = new Map<number, number>(); // client → end of this update's structs so far
  for (const struct of update.structs) {
    if (struct instanceof Y.Skip) continue;
    const { client, clock } = struct.id;
    const roomHas = Y.getState(doc.store, client);
    const have = Math.max(roomHas, reached.get(client) ?? 0);
    reached.set(client, Math.max(have, clock + struct.length));
    // No encoder writes one client's structs twice in one update.
    if (clock < have && have > roomHas) return `the update holds id ${client}:${clock} twice`;
    if (!(struct instanceof Y.Item) || clock >= roomHas || clock + struct.length <= roomHas) continue;
    const place = placeOf(struct, doc);
    if (place === "collected") continue; // Yjs turns the rest into a garbage-collected struct
    const before = storedStruct(doc.store, Y.createID(client, roomHas - 1));
    if (place === "unknown" || !(before instanceof Y.Item) || before.parent !== place.parent || before.parentSub !== place.key) {
      return `a change under id ${client}:${clock} does not continue what the server has under that id`;
    }
  }
  return null;
}
