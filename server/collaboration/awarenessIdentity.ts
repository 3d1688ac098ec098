import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import { z } from "zod";
import type { PresenceUser } from "../../shared/collaboration/presence";

// What a client may put in its awareness state. Everything else is dropped, and `user` is always
// replaced by the server's record of who is connected, so no one can appear as somebody else.
const id = z.object({ client: z.number().int().nonnegative(), clock: z.number().int().nonnegative() });
const relativePosition = z.object({
  type: id.nullable().optional(),
  tname: z.string().max(200).nullable().optional(),
  item: id.nullable().optional(),
  assoc: z.number().int().optional(),
});
const clientState = z.object({
  cursor: z.object({ anchor: relativePosition, head: relativePosition }).nullable().optional(),
});

export class AwarenessRejected extends Error {}

/**
 * Rewrites an awareness update from one connection: it may only speak for its own Yjs client id
 * (bound on first use), its state is validated, and its identity is the authenticated member's.
 * y-websocket clients echo every awareness change they see, other people's included; those
 * entries are dropped here, so an echo (or a forgery) can never change or remove someone else.
 * Returns null when nothing of the sender's own remains.
 */
export function rewriteAwarenessUpdate(update: Uint8Array, user: PresenceUser, owns: (clientId: number) => boolean): Uint8Array | null {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  if (count > 64) throw new AwarenessRejected("too many states in one awareness update");
  const kept: { clientId: number; clock: number; state: unknown }[] = [];
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    const raw: unknown = JSON.parse(decoding.readVarString(decoder));
    if (!owns(clientId)) continue;
    let state: unknown = null;
    if (raw !== null) {
      const parsed = clientState.safeParse(raw);
      if (!parsed.success) throw new AwarenessRejected(`invalid awareness state: ${parsed.error.issues[0]?.message}`);
      state = { ...parsed.data, user };
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
