// Our own message types on the collaboration socket, beside y-websocket's 0–3. The browser registers
// a handler for each in the provider's messageHandlers.
export const CustomMessage = {
  /** A thread (JSON ThreadView) the receiving member may see was created or changed. */
  thread: 100,
  /** The negotiation's agreement state (JSON AgreementSnapshot) changed. */
  agreements: 101,
  /**
   * Both ways: the browser's liveness probe, carrying the state vector of what it wants confirmed,
   * and the server's answer (shared/collaboration/heartbeat.ts).
   */
  heartbeat: 102,
  /** How the negotiation takes edits changed (JSON {changes: "together" | "proposals"}); every member gets it. */
  changes: 103,
  /**
   * The negotiation's live session (JSON {session: LiveSession | null}, decision 034): on joining,
   * and whenever its moderator moves it on; every member gets it. Only ever from the server.
   */
  session: 104,
  /** A move was recorded in the negotiation's activity (JSON {auditId}); every member may see it. */
  activity: 110,
  /** The receiving member has a new notification (JSON {negotiationId}). */
  notification: 111,
} as const;

export type CustomMessageType = (typeof CustomMessage)[keyof typeof CustomMessage];
