import type { MessageKey } from "./i18n/index";

/**
 * The body of every refusal (server/errors.ts `toResponse`), for the JSON API and a page's
 * ErrorBoundary alike: the message already translated, its key, and facts to act on.
 */
export interface RefusalBody {
  error: string;
  code: MessageKey;
  [detail: string]: unknown;
}

export function isRefusalBody(value: unknown): value is RefusalBody {
  if (typeof value !== "object" || value === null) return false;
  const body = value as Partial<RefusalBody>;
  return typeof body.error === "string" && typeof body.code === "string";
}
