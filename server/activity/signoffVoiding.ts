import { auditRecorded } from "../../db/queries/auditLog";
import { negotiationState } from "../../db/queries/negotiations";
import { roundSignoffs } from "../../db/queries/signoffs";
import { scheduleHash } from "../../shared/agreements/contentHash";
import { readSchedule } from "../agreements/scheduleDocument";
import type { EditWatcher, Room } from "../collaboration/room";
import type { Services } from "../context";
import { announceMove } from "./announceMove";
import { recordMove, type Move } from "./recordMove";

/**
 * A sign-off pins the schedule's hash; an edit after it voids it. Nobody makes that move, so it is
 * recorded here, once the typing settles: `signoff.voided`, once per sign-off ever, with no actor,
 * notifying every member (the signer's party most of all: they must review and sign again).
 *
 * Only rooms with a sign-off not yet voided are watched (Room.watchingEdits): learned when the
 * room loads, set again by a new sign-off (watchNewSignoff), cleared once nothing is left to void.
 * So typing in a room without one never reaches SQLite.
 */
export function signoffVoiding(services: () => Services): EditWatcher {
  // No sign-off can land between a check's reading and its result: the database calls resolve as
  // microtasks (better-sqlite3 is synchronous), so the flag it sets is never stale.
  const check = (room: Room) =>
    voidOutdatedSignoffs(services(), room.negotiationId)
      .then((live) => (room.watchingEdits = live))
      .catch((error) => services().logger.error({ err: error, negotiationId: room.negotiationId }, "checking sign-offs after an edit failed"));
  // On load too: an edit whose check a restart cut short is voided now, not at the next edit.
  return { loaded: check, edited: check };
}

/** Someone signed: the room's edits matter again. A room not open learns it when it loads. */
export function watchNewSignoff(services: Services, negotiationId: string): void {
  const room = services.collaboration.rooms.peek(negotiationId);
  if (room) room.watchingEdits = true;
}

/**
 * Records `signoff.voided` for each of the round's latest sign-offs whose text the schedule no
 * longer is, and not already recorded. Returns whether a sign-off of the current text is left.
 */
export async function voidOutdatedSignoffs(services: Services, negotiationId: string): Promise<boolean> {
  const { round } = await negotiationState(services.db, negotiationId);
  const signoffs = await roundSignoffs(services.db, negotiationId, round);
  services.logger.debug({ negotiationId, signoffs: signoffs.length }, "checking sign-offs against the schedule");
  if (signoffs.length === 0) return false;
  const hash = scheduleHash(readSchedule(services, negotiationId));
  const moves: Move[] = [];
  let live = false;
  for (const signoff of signoffs) {
    const move = await services.db.transaction().execute(async (trx) => {
      // A text put back as it was does not revive a sign-off already announced as voided.
      if (await auditRecorded(trx, negotiationId, "signoff.voided", "signoffId", signoff.id)) return null;
      if (signoff.hash === hash) {
        live = true;
        return null;
      }
      const detail = { signoffId: signoff.id, party: signoff.party, round, page: "agreement" };
      return recordMove(trx, { negotiationId, userId: null, action: "signoff.voided", detail }, null);
    });
    if (move) moves.push(move);
  }
  for (const move of moves) announceMove(services, move);
  return live;
}
