import { en, type MessageKey } from "./en";
import { nl } from "./nl";

export type { MessageKey };
export const locales = ["en", "nl"] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = "en";

const catalogues: Record<Locale, Record<MessageKey, string>> = { en, nl };

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (locales as readonly string[]).includes(value);
}

export type Params = Record<string, string | number>;

const pluralRules: Record<Locale, Intl.PluralRules> = { en: new Intl.PluralRules("en"), nl: new Intl.PluralRules("nl") };

/**
 * A count in a message picks its form by the language's plural rules (Intl.PluralRules), in the
 * ICU subset `{count, plural, one {# clause} other {# clauses}}`: `#` is the number, `=0 {…}` an
 * exact match; `other` is required. A form holds plain text and `#` only (no nested placeholders).
 */
const pluralPattern = /\{(\w+), plural,((?:\s*(?:=\d+|zero|one|two|few|many|other)\s*\{[^{}]*\})+)\s*\}/g;
const pluralForm = /(=\d+|zero|one|two|few|many|other)\s*\{([^{}]*)\}/g;

function pluralise(locale: Locale, template: string, params: Params): string {
  return template.replace(pluralPattern, (whole, name: string, forms: string) => {
    const value = params[name];
    if (typeof value !== "number") return whole;
    const options = new Map([...forms.matchAll(pluralForm)].map((m) => [m[1]!, m[2]!]));
    const form = options.get(`=${value}`) ?? options.get(pluralRules[locale].select(value)) ?? options.get("other") ?? whole;
    return form.replace(/#/g, String(value));
  });
}

export function translate(locale: Locale, key: MessageKey, params?: Params): string {
  const template = catalogues[locale][key];
  if (!params) return template;
  return pluralise(locale, template, params).replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** Picks the best supported language from an Accept-Language header, honouring q-values. */
export function negotiateLocale(acceptLanguage: string | null | undefined): Locale {
  if (!acceptLanguage) return defaultLocale;
  const ranked = acceptLanguage
    .split(",")
    .map((part) => {
      const [tag = "", ...rest] = part.trim().split(";");
      const q = rest.map((p) => p.trim()).find((p) => p.startsWith("q="));
      return { lang: tag.trim().toLowerCase().split("-")[0] ?? "", q: q ? Number(q.slice(2)) : 1 };
    })
    .filter((r) => r.lang && Number.isFinite(r.q) && r.q > 0)
    .sort((a, b) => b.q - a.q);
  return ranked.map((r) => r.lang).find(isLocale) ?? defaultLocale;
}
