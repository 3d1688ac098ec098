import type { Request as ExpressRequest, Response as ExpressResponse } from "express";
import { isLocale, negotiateLocale, translate, type Locale } from "../../shared/i18n/index";
import { readCookie } from "../auth/sessionCookie";
import type { ValidSession } from "../auth/sessions";

/**
 * Requests whose handling met a database locked by another process (a backup, an operator's
 * sqlite3 shell). They answer 503 "try again" rather than 500: nothing broke, and the busy timeout
 * is short (db/connection.ts) so that such a lock never holds up the whole server for long.
 */
// A mark on the request's context object, under a registry symbol: the Remix build bundles its
// own copy of this module, so module state would not be shared with the server that checks it.
const busyMark = Symbol.for("common-ground.databaseBusy");

export function noteDatabaseBusy(requestContext: object): void {
  (requestContext as Record<symbol, boolean>)[busyMark] = true;
}

export function metDatabaseBusy(requestContext: object): boolean {
  return (requestContext as Record<symbol, boolean>)[busyMark] === true;
}

function localeOf(req: ExpressRequest, auth: ValidSession | null): Locale {
  const saved = auth?.user.locale;
  if (isLocale(saved)) return saved;
  const cookie = readCookie(req.headers.cookie, "lang");
  return isLocale(cookie) ? cookie : negotiateLocale(req.headers["accept-language"]);
}

/** 503 with Retry-After and the message in the reader's language: JSON for the API, a page for people. */
export function sendDatabaseBusy(req: ExpressRequest, res: ExpressResponse): void {
  const locale = localeOf(req, res.locals.auth ?? null);
  const message = translate(locale, "error.busy");
  res.status(503).setHeader("Retry-After", "1");
  const wantsPage = req.accepts(["json", "html"]) === "html" && !req.path.startsWith("/api/") && !("_data" in req.query);
  if (!wantsPage) {
    res.json({ error: message });
    return;
  }
  const escaped = message.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  res
    .type("html")
    .send(
      `<!doctype html><html lang="${locale}"><meta charset="utf-8"><title>503</title><main><p role="alert">${escaped}</p><p><a href="/">${translate(locale, "error.backHome")}</a></p></main></html>`,
    );
}
