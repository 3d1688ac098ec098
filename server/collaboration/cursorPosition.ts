import * as Y from "yjs";
import { z } from "zod";
import { scheduleFragmentName } from "../../shared/editor/schema";

// A Yjs id as JSON. Yjs client ids are 32-bit; clocks stay within what a double counts exactly.
const id = z.object({
  client: z.number().int().min(0).max(0xffff_ffff),
  clock: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
});

/**
 * A Y.RelativePosition as y-prosemirror sends it: its type (by id, or by root name, which can only
 * be the schedule's: resolving any other root name would create that root type in the room's
 * document) and, unless it is at the type's end, the item it stands next to.
 */
const relativePosition = z
  .object({
    item: id.nullable().optional(),
    type: id.nullable().optional(),
    tname: z.literal(scheduleFragmentName).nullable().optional(),
    assoc: z.number().int().min(-1).max(1).nullable().optional(),
  })
  .refine((p) => (p.type == null || p.tname == null) && (p.item != null || p.type != null || p.tname != null), "a position names one type, or an item");

const cursorShape = z.object({ anchor: relativePosition, head: relativePosition });
export type Cursor = z.infer<typeof cursorShape>;

/**
 * The cursor a client announced, if it is one that every browser can place in this room's
 * schedule; null otherwise. Only the fields Yjs reads are kept.
 */
export function placeableCursor(raw: unknown, doc: Y.Doc): Cursor | null {
  const parsed = cursorShape.safeParse(raw);
  if (!parsed.success) return null;
  const fragment = doc.getXmlFragment(scheduleFragmentName);
  const inSchedule = (position: z.infer<typeof relativePosition>) => {
    const at = Y.createAbsolutePositionFromRelativePosition(Y.createRelativePositionFromJSON(position), doc);
    return at !== null && (at.type === fragment || Y.isParentOf(fragment, at.type._item));
  };
  return inSchedule(parsed.data.anchor) && inSchedule(parsed.data.head) ? parsed.data : null;
}
