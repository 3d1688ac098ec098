import * as Y from "yjs";

/** The struct holding `id` in `store`, or null when the store does not have that id (Y.getItem throws). */
export function storedStruct(store: Y.Doc["store"], id: Y.ID): Y.Item | Y.GC | null {
  const structs = store.clients.get(id.client);
  if (!structs || id.clock >= Y.getState(store, id.client)) return null;
  return structs[Y.findIndexSS(structs, id.clock)] as Y.Item | Y.GC;
}
