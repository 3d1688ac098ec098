import { useCallback, useMemo } from "react";
import { useRouteLoaderData } from "@remix-run/react";
import { calendarDateFormatter } from "../shared/i18n/calendarDateFormatter";
import { dateTimeFormatter, defaultTimeZone } from "../shared/i18n/dateTimeFormatter";
import { defaultLocale, type Locale } from "../shared/i18n/locales";
import { message, type MessageKey, type Params } from "../shared/i18n/message";
import { catalogueOf } from "./i18nCatalogues";

export type { MessageKey };
export type Translate = (key: MessageKey, params?: Params) => string;

export function useLocale(): Locale {
  const data = useRouteLoaderData<{ locale: Locale }>("root");
  return data?.locale ?? defaultLocale;
}

export function useT(): Translate {
  const locale = useLocale();
  return useCallback((key, params) => message(catalogueOf(locale), locale, key, params), [locale]);
}

/** Times in the viewer's time zone, the same on the server and in the browser (root loader's timeZone). */
export function useFormatDateTime(): (ms: number) => string {
  const locale = useLocale();
  const timeZone = useRouteLoaderData<{ timeZone?: string }>("root")?.timeZone ?? defaultTimeZone;
  return useMemo(() => dateTimeFormatter(locale, timeZone), [locale, timeZone]);
}

/** Calendar dates (the review date) as the day chosen, the same for every viewer. */
export function useFormatCalendarDate(): (ms: number) => string {
  const locale = useLocale();
  return useMemo(() => calendarDateFormatter(locale), [locale]);
}
