import type { Node as PMNode } from "prosemirror-model";
import * as Y from "yjs";
import { scheduleFragmentName } from "../../shared/editor/schema";
import { readStoredSchedule } from "../collaboration/storedSchedule";
import type { Services } from "../context";

/**
 * Runs `read` on the schedule's Y.Doc as it is now: the open room's (which has every update the
 * server has accepted, saved or not) or, with nobody connected, the stored one. The snapshot's
 * content_json is not enough: it lags behind an open room.
 */
export function withScheduleDoc<T>(services: Services, negotiationId: string, read: (ydoc: Y.Doc) => T): T {
  const open = services.collaboration.rooms.peek(negotiationId);
  const ydoc = open?.doc ?? services.documents.load(negotiationId);
  try {
    return read(ydoc);
  } finally {
    if (!open) ydoc.destroy();
  }
}

/** Reads only: y-prosemirror's converter would "repair" by deleting from the live document. */
const toProseMirror = (ydoc: Y.Doc) => readStoredSchedule(ydoc.getXmlFragment(scheduleFragmentName)).doc;

/** The schedule as it is now. */
export function readSchedule(services: Services, negotiationId: string): PMNode {
  return withScheduleDoc(services, negotiationId, toProseMirror);
}

/** The schedule as it is now, with its Yjs state: what a version keeps. */
export function readScheduleWithState(services: Services, negotiationId: string): { doc: PMNode; state: Uint8Array } {
  return withScheduleDoc(services, negotiationId, (ydoc) => ({ doc: toProseMirror(ydoc), state: Y.encodeStateAsUpdate(ydoc) }));
}
