import type { Node as PMNode } from "prosemirror-model";
import * as Y from "yjs";
import { yXmlFragmentToProseMirrorRootNode } from "y-prosemirror";
import { scheduleFragmentName, scheduleSchema } from "../../shared/editor/schema";
import type { Services } from "../context";

/**
 * The schedule as it is now: the open room's document (which has every update the server has
 * accepted, saved or not) or, with nobody connected, the stored one. The snapshot's
 * content_json is not enough: it lags behind an open room.
 */
export function readSchedule(services: Services, negotiationId: string): { doc: PMNode; state: Uint8Array } {
  const open = services.collaboration.rooms.peek(negotiationId);
  const ydoc = open?.doc ?? services.documents.load(negotiationId);
  try {
    return {
      doc: yXmlFragmentToProseMirrorRootNode(ydoc.getXmlFragment(scheduleFragmentName), scheduleSchema),
      state: Y.encodeStateAsUpdate(ydoc),
    };
  } finally {
    if (!open) ydoc.destroy();
  }
}
