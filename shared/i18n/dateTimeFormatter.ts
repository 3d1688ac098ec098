import type { Locale } from "./index";

/**
 * Times as every page and export shows them: in UTC, said so, because the two parties of a
 * negotiation need not share a time zone and must read the same moment.
 */
export function dateTimeFormatter(locale: Locale): (ms: number) => string {
  const format = new Intl.DateTimeFormat(locale === "nl" ? "nl-NL" : "en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
  return (ms) => `${format.format(ms)} UTC`;
}
