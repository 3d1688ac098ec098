import type { MessageKey } from "../../shared/i18n/index";

/** A refusal the user can act on: an HTTP status and the message that tells them what to do. */
export class NegotiationError extends Error {
  constructor(
    readonly status: 400 | 403 | 404 | 409 | 410,
    readonly messageKey: MessageKey,
    /** Facts the caller needs to act, e.g. which clauses still block a sign-off. */
    readonly details?: Record<string, unknown>,
  ) {
    super(messageKey);
  }
}
