import { translate, type Locale, type MessageKey, type Params } from "../shared/i18n/index";
import type { RefusalBody } from "../shared/refusal";

export type DomainStatus = 400 | 401 | 403 | 404 | 405 | 409 | 410 | 413 | 429;

/**
 * The one kind of refusal: an HTTP status, the message that tells the user what to do, and the
 * facts they need to act on it (e.g. which clauses still block a sign-off). Domain code throws it;
 * only `toResponse` turns it into something a user sees, so no message reaches anyone untranslated.
 */
export class DomainError extends Error {
  constructor(
    readonly status: DomainStatus,
    readonly messageKey: MessageKey,
    readonly details?: Record<string, unknown>,
    /** Values for the message's {placeholders}. */
    readonly params?: Params,
  ) {
    super(messageKey);
  }
}

/**
 * How a refusal becomes a response. The API answers JSON `{ error, code, ...details }`. A page gets
 * the same body in a Response (thrown by a loader for its ErrorBoundary, returned by an action for
 * its form); a page without a session is sent to the login page instead (`details.redirectTo`).
 * `details.retryAfterSeconds` becomes the Retry-After header.
 */
export function toResponse(error: DomainError, locale: Locale, mode: "page" | "api"): Response {
  const redirectTo = error.details?.redirectTo;
  if (mode === "page" && error.status === 401 && typeof redirectTo === "string") {
    return new Response(null, { status: 302, headers: { Location: `/login?${new URLSearchParams({ redirectTo })}` } });
  }
  const { redirectTo: _redirectTo, retryAfterSeconds, ...details } = error.details ?? {};
  const body: RefusalBody = { error: translate(locale, error.messageKey, error.params), code: error.messageKey, ...details };
  const headers = new Headers({ "Content-Type": "application/json; charset=utf-8" });
  // A spent budget says when to try again, for scripts (the header) and people (the message).
  if (typeof retryAfterSeconds === "number") headers.set("Retry-After", String(retryAfterSeconds));
  return new Response(JSON.stringify(body), { status: error.status, headers });
}
