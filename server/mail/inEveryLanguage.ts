import { locales, type Locale } from "../../shared/i18n/index";

/**
 * A mail body in every language we speak, one after the other: we do not know which language the
 * recipient reads (an invitee may have no account yet), so every mail carries all of them.
 */
export function inEveryLanguage(body: (locale: Locale) => string): string {
  return locales.map(body).join("\n\n---\n\n");
}
