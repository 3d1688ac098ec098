import type { DB } from "../../db/connection";
import type { Services } from "../context";

/**
 * The one way a schedule freezes (an agreement takes effect) or thaws (a round opens): `write`
 * changes `frozen_at` (freezeNegotiation, openNextRound) in one transaction with whatever belongs
 * with it, and once that commits the socket layer takes the frozen state from the database. So no
 * caller keeps the database and the live connections in step by hand.
 *
 * Nothing here yields to the event loop (better-sqlite3 is synchronous; Kysely's promises resolve
 * as microtasks), so no edit from a socket lands between the commit and the sockets knowing.
 */
export async function changeFrozenState<T>(services: Services, negotiationId: string, write: (trx: DB) => Promise<T>): Promise<T> {
  const result = await services.db.transaction().execute(write);
  await services.collaboration.followFrozenState(negotiationId);
  return result;
}
