// Yjs keeps an update whose dependencies have not arrived in `pendingStructs` and retries it on
// every later update, so a client that sends such updates on purpose grows memory and CPU for the
// whole room while nothing is stored. We never let one in: an update must build only on what the
// room already has (or on what it brings itself).
import * as Y from "yjs";

type DecodedUpdate = ReturnType<typeof Y.decodeUpdate>;

/** Whether `update` refers to anything that neither the room (`store`) nor the update has. */
export function hasMissingDependencies(update: DecodedUpdate, store: Y.Doc["store"]): boolean {
  // What will be known once the update is in: each client's structs must continue where the room
  // is (or overlap what it has); a gap means earlier structs are missing.
  const known = new Map<number, number>();
  for (const struct of update.structs) if (!known.has(struct.id.client)) known.set(struct.id.client, Y.getState(store, struct.id.client));
  for (const struct of update.structs) {
    const { client, clock } = struct.id;
    const have = known.get(client) ?? 0;
    if (clock > have) return true;
    if (struct instanceof Y.Skip) continue; // a hole in the update: what follows must still line up
    known.set(client, Math.max(have, clock + struct.length));
  }
  const isKnown = (id: Y.ID | null) => id === null || id.clock < (known.get(id.client) ?? Y.getState(store, id.client));
  for (const struct of update.structs) {
    if (!(struct instanceof Y.Item)) continue;
    const parent = struct.parent as unknown;
    if (!isKnown(struct.origin) || !isKnown(struct.rightOrigin) || (parent instanceof Y.ID && !isKnown(parent))) return true;
  }
  for (const [client, ranges] of update.ds.clients) {
    const have = known.get(client) ?? Y.getState(store, client);
    if (ranges.some((r) => r.clock + r.len > have)) return true;
  }
  return false;
}
