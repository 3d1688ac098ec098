import { readCookie } from "../../server/auth/sessionCookie";
import { defaultTimeZone, isTimeZone } from "../../shared/i18n/dateTimeFormatter";
import { timeZoneCookieName } from "./timeZoneCookie";

/**
 * The viewer's time zone, for showing times on pages.
 *
 * Why a cookie: the server renders every page's HTML first, and the browser then hydrates it. If
 * the server formatted in UTC and the browser in its own zone, every time on the page would differ
 * between the two renders (a hydration mismatch), or would have to wait for an effect and flash.
 * Instead the root layout's first inline script stores the browser's zone
 * (`Intl.DateTimeFormat().resolvedOptions().timeZone`) in the `tz` cookie, and the root loader
 * sends this zone to both renders, so server and browser format the same text. The very first page
 * of a first visit, before the cookie exists, shows UTC (labelled so); every request after it the
 * viewer's zone.
 */

export function getTimeZone(request: Request): string {
  const zone = readCookie(request.headers.get("Cookie"), timeZoneCookieName);
  return isTimeZone(zone) ? zone : defaultTimeZone;
}
