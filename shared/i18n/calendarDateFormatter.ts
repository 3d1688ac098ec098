import type { Locale } from "./index";

/**
 * Calendar dates (the review date) as a date only, "1 March 2027": they are stored as midnight UTC of
 * the chosen day (shared/agreements/snapshot.ts reviewDateMs), so they are read in UTC, where that
 * moment is the same day for everyone; a time ("01:00 CET") would be a moment nobody chose.
 */
export function calendarDateFormatter(locale: Locale): (ms: number) => string {
  const format = new Intl.DateTimeFormat(locale === "nl" ? "nl-NL" : "en-GB", { dateStyle: "long", timeZone: "UTC" });
  return (ms) => format.format(ms);
}
