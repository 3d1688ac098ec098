import type * as Y from "yjs";
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import { z } from "zod";
import type { PresenceUser } from "../../shared/collaboration/presence";
import { placeableCursor } from "./cursorPosition";

// What a client may put in its awareness state: a cursor, checked on its own (see below), and
// whether the member follows a live session's moderator (decision 034), which the moderator sees.
// Anything else is dropped, and `user` is always replaced by the server's record of who is
// connected, so no one can appear as somebody else.
const clientState = z.object({ cursor: z.unknown(), following: z.boolean().optional() });
/** Our browsers send about 250 characters; this leaves room without parsing megabytes per message. */
export const maxAwarenessStateChars = 4096;

export class AwarenessRejected extends Error {}

/** Who sent an awareness update, as the server knows them. */
export interface AwarenessSender {
  user: PresenceUser;
  /** Members who may not edit have no cursor to show: theirs is always dropped. */
  canEdit: boolean;
  owns(clientId: number): boolean;
}

/**
 * Rewrites an awareness update from one connection: it may only speak for its own Yjs client id
 * (bound on first use), its identity is the authenticated member's, and its cursor is kept only
 * when it can be placed in `doc` (otherwise it becomes null: the member stays present). A cursor
 * that does not resolve would make y-prosemirror throw in every other browser.
 * y-websocket clients echo every awareness change they see, other people's included; those
 * entries are dropped here, so an echo (or a forgery) can never change or remove someone else.
 * Returns null when nothing of the sender's own remains.
 */
export function rewriteAwarenessUpdate(update: Uint8Array, sender: AwarenessSender, doc: Y.Doc): Uint8Array | null {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  if (count > 64) throw new AwarenessRejected("too many states in one awareness update");
  const kept: { clientId: number; clock: number; state: unknown }[] = [];
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    const json = decoding.readVarString(decoder);
    if (json.length > maxAwarenessStateChars) throw new AwarenessRejected("awareness state too large");
    if (!sender.owns(clientId)) continue;
    const raw: unknown = JSON.parse(json);
    let state: unknown = null;
    if (raw !== null) {
      const parsed = clientState.safeParse(raw);
      if (!parsed.success) throw new AwarenessRejected(`invalid awareness state: ${parsed.error.issues[0]?.message}`);
      state = {
        cursor: sender.canEdit ? placeableCursor(parsed.data.cursor, doc) : null,
        user: sender.user,
        ...(parsed.data.following ? { following: true } : {}),
      };
    }
    kept.push({ clientId, clock, state });
  }
  if (decoder.pos !== update.length) throw new AwarenessRejected("trailing bytes after awareness update");
  if (kept.length === 0) return null;
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, kept.length);
  for (const k of kept) {
    encoding.writeVarUint(encoder, k.clientId);
    encoding.writeVarUint(encoder, k.clock);
    encoding.writeVarString(encoder, JSON.stringify(k.state));
  }
  return encoding.toUint8Array(encoder);
}
