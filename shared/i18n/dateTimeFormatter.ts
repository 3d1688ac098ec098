import type { Locale } from "./index";

/** The zone times are shown in when the viewer's is not known (exports, first visit): UTC. */
export const defaultTimeZone = "UTC";

/** Whether `zone` is an IANA time zone this runtime knows (a cookie's value is anyone's guess). */
export function isTimeZone(zone: unknown): zone is string {
  if (typeof zone !== "string" || !/^[A-Za-z0-9_+\-/]{1,64}$/.test(zone)) return false;
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/**
 * Times as every page and export shows them: in the viewer's time zone where we know it (pages;
 * see `app/utils/timeZone.server.ts`), otherwise in UTC (exports, which the two parties share).
 * Always with the zone's name ("CET", "UTC"), because the two parties of a negotiation need not
 * share a time zone and must be able to tell they read the same moment.
 */
export function dateTimeFormatter(locale: Locale, timeZone: string = defaultTimeZone): (ms: number) => string {
  const tag = locale === "nl" ? "nl-NL" : "en-GB";
  const zone = isTimeZone(timeZone) ? timeZone : defaultTimeZone;
  if (zone === "UTC") {
    const format = new Intl.DateTimeFormat(tag, { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
    return (ms) => `${format.format(ms)} UTC`;
  }
  // dateStyle/timeStyle cannot be combined with timeZoneName, so the same fields are spelled out.
  const format = new Intl.DateTimeFormat(tag, {
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZone: zone,
    timeZoneName: "short",
  });
  return (ms) => format.format(ms);
}
