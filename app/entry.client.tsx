import { RemixBrowser } from "@remix-run/react";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { defaultLocale, isLocale } from "../shared/i18n/locales";
import { loadCatalogue } from "./i18nCatalogues";

// The server rendered the page in the language on <html lang> (root Layout); hydration needs the
// same words, so that catalogue is fetched first.
const lang = document.documentElement.lang;
void loadCatalogue(isLocale(lang) ? lang : defaultLocale).then(() => {
  startTransition(() => {
    hydrateRoot(
      document,
      <StrictMode>
        <RemixBrowser />
      </StrictMode>,
    );
  });
});
