import type { Locale } from "../shared/i18n/locales";
import type { Catalogue } from "../shared/i18n/message";

/**
 * The catalogues this JavaScript runtime holds. The server provides every language (entry.server);
 * a browser loads only its reader's, each in its own chunk, before hydrating (entry.client) and
 * again when the language changes (root clientLoader), so a page never renders without its words.
 * Why not in the root loader's data: docs/decisions/021-per-locale-catalogues.md.
 */
const present = new Map<Locale, Catalogue>();

const chunks: Record<Locale, () => Promise<Catalogue>> = {
  en: () => import("../shared/i18n/en").then((m) => m.en),
  nl: () => import("../shared/i18n/nl").then((m) => m.nl),
};

export function provideCatalogues(all: Record<Locale, Catalogue>): void {
  for (const [locale, catalogue] of Object.entries(all) as [Locale, Catalogue][]) present.set(locale, catalogue);
}

export async function loadCatalogue(locale: Locale): Promise<void> {
  if (!present.has(locale)) present.set(locale, await chunks[locale]());
}

export function catalogueOf(locale: Locale): Catalogue {
  const catalogue = present.get(locale);
  if (!catalogue) throw new Error(`The ${locale} catalogue was used before it was loaded`);
  return catalogue;
}
