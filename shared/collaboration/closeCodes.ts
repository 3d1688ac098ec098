// WebSocket close codes shared by server and browser. y-websocket's client does not reconnect after
// 4400–4499 (like HTTP 4xx: retrying cannot help) and does reconnect after anything else.
export const CloseCode = {
  /** A message the server could not decode or that broke the protocol. */
  malformedMessage: 4400,
  /** The session ended (logged out, expired or revoked) while connected. */
  unauthenticated: 4401,
  /** No longer a member of this negotiation. */
  forbidden: 4403,
  /**
   * Edits arrived for a schedule that is frozen (signed and in force). They were not applied; the
   * client drops its local copy and loads the agreement as it is.
   */
  editsRefused: 4409,
  /**
   * The schedule would grow past its size cap (MAX_SCHEDULE_BYTES). Not applied; the client drops
   * its local copy like for editsRefused.
   */
  documentTooLarge: 4413,
  /**
   * An update that would leave the schedule outside its schema or break the clause-id rules. Not
   * applied anywhere; the client drops its local copy and loads the schedule as the server has it.
   */
  updateRefused: 4422,
  /** The member's role changed: reconnect to get the new rights. */
  rightsChanged: 4501,
  /** Too many messages in a short time: reconnect a little later. */
  rateLimited: 4529,
  /** The server is restarting. */
  goingAway: 1001,
} as const;
export type CloseCode = (typeof CloseCode)[keyof typeof CloseCode];

export const collaborationPath = "/collab";
