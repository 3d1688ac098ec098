/** What the connection indicator shows; `unsent` counts this device's changes the server has not confirmed. */
export type ConnectionState =
  | { kind: "closed"; code: number }
  | { kind: "offline"; unsent: number }
  | { kind: "reconnecting"; unsent: number }
  | { kind: "connecting" }
  | { kind: "saving"; unsent: number }
  | { kind: "saved" };

export interface ConnectionFacts {
  /** The 44xx code the server closed with (it decided, reconnecting cannot help), or null. */
  closedWith: number | null;
  /** navigator.onLine: false is certain, true only means "maybe". */
  browserOnline: boolean;
  /**
   * The socket is open, the server has answered on it (its half of the sync) and the heartbeat has
   * not found it dead. An open socket alone proves nothing: one into a dead network opens too.
   */
  socketLive: boolean;
  /** A socket of this page was ever live. */
  everConnected: boolean;
  unsent: number;
}

/** "All changes saved" only once the server confirmed it holds every change of this device. */
export function connectionState(facts: ConnectionFacts): ConnectionState {
  const { unsent } = facts;
  if (facts.closedWith !== null) return { kind: "closed", code: facts.closedWith };
  if (!facts.browserOnline) return { kind: "offline", unsent };
  if (!facts.socketLive) return facts.everConnected || unsent > 0 ? { kind: "reconnecting", unsent } : { kind: "connecting" };
  return unsent > 0 ? { kind: "saving", unsent } : { kind: "saved" };
}
