import type { MessageKey } from "./en";
import type { Locale } from "./locales";

export type { MessageKey };
export type Catalogue = Record<MessageKey, string>;
export type Params = Record<string, string | number>;

/**
 * A count in a message picks its form by the language's plural rules (Intl.PluralRules), in the
 * ICU subset `{count, plural, one {# clause} other {# clauses}}`: `#` is the number, `=0 {…}` an
 * exact match; `other` is required. A form holds plain text and `#` only (no nested placeholders).
 */
const pluralPattern = /\{(\w+), plural,((?:\s*(?:=\d+|zero|one|two|few|many|other)\s*\{[^{}]*\})+)\s*\}/g;
const pluralForm = /(=\d+|zero|one|two|few|many|other)\s*\{([^{}]*)\}/g;

// Made on first use, so that importing this module has no effect a bundler must keep.
const pluralRules = new Map<Locale, Intl.PluralRules>();
function pluralRulesOf(locale: Locale): Intl.PluralRules {
  let rules = pluralRules.get(locale);
  if (!rules) pluralRules.set(locale, (rules = new Intl.PluralRules(locale)));
  return rules;
}

function pluralise(locale: Locale, template: string, params: Params): string {
  return template.replace(pluralPattern, (whole, name: string, forms: string) => {
    const value = params[name];
    if (typeof value !== "number") return whole;
    const options = new Map([...forms.matchAll(pluralForm)].map((m) => [m[1]!, m[2]!]));
    const form = options.get(`=${value}`) ?? options.get(pluralRulesOf(locale).select(value)) ?? options.get("other") ?? whole;
    return form.replace(/#/g, String(value));
  });
}

/** The message `key` of a language's catalogue, its plural forms chosen and its placeholders filled. */
export function message(catalogue: Catalogue, locale: Locale, key: MessageKey, params?: Params): string {
  const template = catalogue[key];
  if (!params) return template;
  return pluralise(locale, template, params).replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
