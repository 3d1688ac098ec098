// A document the server accepted since it checks every update always reads strictly. One stored
// before then may not; it still reads (as far as it fits, like a browser would show it) instead of
// breaking every page that lists it, and the room repairs it when it opens.
import type { Node as PMNode } from "prosemirror-model";
import type * as Y from "yjs";
import { prosemirrorToYXmlFragment } from "y-prosemirror";
import { scheduleFragmentName } from "../../shared/editor/schema";
import { scheduleFromYjs, scheduleFromYjsLeniently, ScheduleShapeError } from "../../shared/editor/scheduleFromYjs";

export function readStoredSchedule(fragment: Y.XmlFragment): { doc: PMNode; problem: string | null } {
  try {
    return { doc: scheduleFromYjs(fragment), problem: null };
  } catch (error) {
    if (!(error instanceof ScheduleShapeError)) throw error;
    return { doc: scheduleFromYjsLeniently(fragment), problem: error.message };
  }
}

/**
 * Rewrites a stored document that does not fit the schema into the lenient reading of it, in one
 * transaction (which the caller stores like any update). Returns what was wrong, or null.
 */
export function repairStoredSchedule(ydoc: Y.Doc): string | null {
  const fragment = ydoc.getXmlFragment(scheduleFragmentName);
  const { doc, problem } = readStoredSchedule(fragment);
  if (!problem) return null;
  ydoc.transact(() => {
    fragment.delete(0, fragment.length);
    prosemirrorToYXmlFragment(doc, fragment);
  });
  return problem;
}
