import type { AppLoadContext } from "@remix-run/node";
import { isLocale, negotiateLocale, translate, type Locale, type MessageKey, type Params } from "../../shared/i18n/index";
import { readCookie } from "../../server/auth/sessionCookie";

export { setUserLocale } from "../../db/queries/users";

export const localeCookieName = "lang";

/** A signed-in user's saved choice wins, then the language cookie, then the browser's languages. */
export function getLocale(request: Request, context: AppLoadContext): Locale {
  const saved = context.auth?.user.locale;
  if (isLocale(saved)) return saved;
  const cookie = readCookie(request.headers.get("Cookie"), localeCookieName);
  if (isLocale(cookie)) return cookie;
  return negotiateLocale(request.headers.get("Accept-Language"));
}

export function serverT(request: Request, context: AppLoadContext) {
  const locale = getLocale(request, context);
  return (key: MessageKey, params?: Params) => translate(locale, key, params);
}

export function localeCookieHeader(locale: Locale): string {
  return `${localeCookieName}=${locale}; Path=/; Max-Age=${365 * 24 * 60 * 60}; SameSite=Lax`;
}
