import type { MessageKey } from "../../shared/i18n/index";

/** A refusal the user can act on: an HTTP status and the message that tells them what to do. */
export class NegotiationError extends Error {
  constructor(
    readonly status: 400 | 403 | 404 | 409 | 410,
    readonly messageKey: MessageKey,
  ) {
    super(messageKey);
  }
}
