// The live session over the collaboration socket (decision 034): what every connected member's
// workspace shows and follows. The server is its only source: it is pushed after each of the
// moderator's moves (made through the API, where only the moderator may make them) and greets
// every connection as it joins, so a late joiner or a reconnect catches up at once.
import type { DB } from "../../db/connection";
import { getSession, nextSession } from "../../db/queries/moderatedSessions";
import { CustomMessage, type CustomMessageType } from "../../shared/collaboration/messages";
import type { LiveSession } from "../../shared/moderatedSessions/sessions";
import type { Services } from "../context";
import { sessionView } from "./sessionView";

export async function liveSession(db: DB, negotiationId: string): Promise<LiveSession | null> {
  const next = await nextSession(db, negotiationId);
  if (next?.state !== "live") return null;
  const row = (await getSession(db, negotiationId, next.id))!;
  const { agenda } = await sessionView(db, negotiationId, next.id);
  const at = agenda.findIndex((i) => i.id === row.current_item_id);
  const item = agenda[at];
  return {
    id: row.id,
    moderator: { id: row.moderator_id, name: row.moderator_name },
    item: item
      ? {
          id: item.id,
          title: item.title,
          clauseId: item.clauseId,
          timeBoxMinutes: item.timeBoxMinutes,
          since: row.current_item_at ?? row.started_at ?? Date.now(),
          number: at + 1,
          of: agenda.length,
        }
      : null,
  };
}

/** After a move of the moderator's: everyone with the negotiation open sees where the session is. */
export async function pushLiveSession(services: Services, negotiationId: string): Promise<void> {
  services.collaboration.push(negotiationId, CustomMessage.session, { session: await liveSession(services.db, negotiationId) }, () => true);
}

/** What a joining connection is told first: the live session, when there is one. */
export async function sessionGreeting(db: DB, negotiationId: string): Promise<{ type: CustomMessageType; payload: unknown } | null> {
  const session = await liveSession(db, negotiationId);
  return session && { type: CustomMessage.session, payload: { session } };
}
