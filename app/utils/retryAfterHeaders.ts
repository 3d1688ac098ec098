import type { HeadersFunction } from "@remix-run/node";

/** For routes whose action may answer 429: document requests take their headers from here, so Retry-After reaches the client. */
export const retryAfterHeaders: HeadersFunction = ({ actionHeaders }) => {
  const retryAfter = actionHeaders.get("Retry-After");
  return retryAfter ? { "Retry-After": retryAfter } : new Headers();
};
