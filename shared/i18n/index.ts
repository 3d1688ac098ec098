import { en } from "./en";
import { nl } from "./nl";
import type { Locale } from "./locales";
import { message, type Catalogue, type MessageKey, type Params } from "./message";

export type { Catalogue, MessageKey, Params };
export { defaultLocale, isLocale, locales, negotiateLocale, type Locale } from "./locales";

/**
 * Every language at once, for the server (pages, mail, exports, refusals). Browser code imports
 * ./locales and ./message instead and gets its reader's catalogue from app/catalogues.ts.
 */
export const catalogues: Record<Locale, Catalogue> = { en, nl };

export function translate(locale: Locale, key: MessageKey, params?: Params): string {
  return message(catalogues[locale], locale, key, params);
}
