// The server is the authority on the schedule's shape. Yjs cannot take an update back once it is
// applied, so every update is first applied to a replica of the room's document (the candidate)
// and checked there; only an update that leaves the replica valid is applied to the room, sent to
// others and stored. Both documents receive the same updates in the same order, so they stay
// identical. A refused update has changed the replica, which is then rebuilt from the room: that
// costs a copy of the document, paid only by someone who sends what no editor sends (and who is
// disconnected for it). Keystrokes (plainTyping.ts) need no trial: they go straight to the room
// and reach the replica later, in batches, before the next update that does need one.
import * as Y from "yjs";
import { scheduleFragmentName } from "../../shared/editor/schema";
import { newId } from "../../shared/ids";
import { isPlainTyping } from "./plainTyping";
import { checkTransaction, type ShapeCheck } from "./transactionShape";

/**
 * How soon the replica takes up the keystrokes it has not seen yet, when nothing else asks it to:
 * about once a second, at a random moment, so that a hundred busy rooms do not all catch up in
 * the same tick and hold up everyone's updates.
 */
const catchUpDelayMs = () => 500 + Math.random() * 1000;

export type Verdict = { ok: true; copies: Y.ID[] } | { ok: false; reason: string; tooLarge?: boolean };

export class ScheduleGuard {
  private candidate!: Y.Doc;
  private check: ShapeCheck | null = null;
  /**
   * An upper bound of the encoded document's size: the exact size at the last measurement plus
   * every accepted update since (an update never grows the encoding by more than its own length).
   * Measured exactly only when the bound crosses the cap.
   */
  private sizeBound = 0;
  /** Updates the room has and the replica does not yet (keystrokes, the room's own writes), in order. */
  private behind: Uint8Array[] = [];
  private catchUpTimer: NodeJS.Timeout | null = null;
  private catchingUp = false;

  constructor(
    private readonly room: Y.Doc,
    private readonly maxBytes: number,
  ) {
    this.rebuild();
  }

  private rebuild() {
    this.candidate?.destroy();
    this.behind = [];
    this.candidate = new Y.Doc({ gc: this.room.gc });
    const state = Y.encodeStateAsUpdate(this.room);
    this.sizeBound = state.byteLength;
    Y.applyUpdate(this.candidate, state);
    const fragment = this.candidate.getXmlFragment(scheduleFragmentName);
    // One applyUpdate can run several transactions (Yjs tidies formatting in a follow-up one):
    // a problem found in any of them stands.
    this.candidate.on("afterTransaction", (tr: Y.Transaction) => {
      if (this.catchingUp) return; // the room has admitted these already
      const check = checkTransaction(tr, fragment);
      if (!this.check) this.check = check;
      else if (!this.check.problem) this.check = { problem: check.problem, copies: [...this.check.copies, ...check.copies] };
    });
  }

  /**
   * Tries `update` on the replica. When the verdict is ok the caller must apply the same update
   * to the room's document, and then renameCopies, before anything else touches either
   * (synchronously, as Room.applyAdmitted does).
   */
  admit(update: Uint8Array, decoded: ReturnType<typeof Y.decodeUpdate>): Verdict {
    if (isPlainTyping(decoded, this.room) && this.sizeBound + update.byteLength <= this.maxBytes) {
      this.sizeBound += update.byteLength;
      this.follow(update);
      return { ok: true, copies: [] };
    }
    this.catchUp();
    this.check = null;
    let verdict: Verdict;
    try {
      Y.applyUpdate(this.candidate, update);
      const store = this.candidate.store;
      // Set by the afterTransaction listener during applyUpdate (TypeScript cannot see that).
      const check = this.check as ShapeCheck | null;
      if (check?.problem) verdict = { ok: false, reason: check.problem };
      else if (store.pendingStructs !== null || store.pendingDs !== null)
        verdict = { ok: false, reason: "the update builds on changes the server does not have" };
      else verdict = this.withinSize(update.byteLength, check?.copies ?? []);
    } catch (error) {
      verdict = { ok: false, reason: `the update could not be applied (${(error as Error).message.slice(0, 80)})` };
    }
    if (!verdict.ok) this.rebuild();
    return verdict;
  }

  private withinSize(updateBytes: number, copies: Y.ID[]): Verdict {
    this.sizeBound += updateBytes;
    if (this.sizeBound <= this.maxBytes) return { ok: true, copies };
    this.sizeBound = Y.encodeStateAsUpdate(this.candidate).byteLength; // caught up: admit did
    if (this.sizeBound <= this.maxBytes) return { ok: true, copies };
    return { ok: false, tooLarge: true, reason: `the schedule would exceed its size limit of ${Math.round(this.maxBytes / 1024)} KiB` };
  }

  /**
   * Gives the clauses an admitted update copied fresh ids, in the room and then the replica.
   * The room sends the update and this fix together (Room.applyAdmitted).
   */
  renameCopies(copies: Y.ID[]) {
    this.catchUp();
    const before = Y.encodeStateVector(this.candidate);
    Y.transact(this.room, () => {
      for (const id of copies) (((Y.getItem(this.room.store, id) as Y.Item).content as Y.ContentType).type as Y.XmlElement).setAttribute("id", newId());
    });
    Y.applyUpdate(this.candidate, Y.encodeStateAsUpdate(this.room, before));
  }

  /** An update the room applied without asking (the server's own writes): the replica follows. */
  mirror(update: Uint8Array) {
    this.sizeBound += update.byteLength;
    this.follow(update);
  }

  /** Queues an update for the replica; it must keep the room's order, so everything queues. */
  private follow(update: Uint8Array) {
    this.behind.push(update);
    if (this.catchUpTimer) return;
    this.catchUpTimer = setTimeout(() => this.catchUp(), catchUpDelayMs());
    this.catchUpTimer.unref();
  }

  /** The replica takes what it missed, in one transaction. */
  private catchUp() {
    if (this.catchUpTimer) clearTimeout(this.catchUpTimer);
    this.catchUpTimer = null;
    if (this.behind.length === 0) return;
    const behind = this.behind;
    this.behind = [];
    this.catchingUp = true;
    try {
      // One by one in one transaction: measured cheaper than Y.mergeUpdates first, or a diff
      // from the room (which re-encodes the room's whole delete set).
      Y.transact(this.candidate, () => {
        for (const update of behind) Y.applyUpdate(this.candidate, update);
      });
    } finally {
      this.catchingUp = false;
    }
  }

  destroy() {
    if (this.catchUpTimer) clearTimeout(this.catchUpTimer);
    this.candidate.destroy();
  }
}
