import { Form, useLocation } from "@remix-run/react";
import { locales } from "../../shared/i18n/locales";
import { useLocale, useT } from "../i18n";

export function LanguageSwitcher() {
  const t = useT();
  const locale = useLocale();
  const location = useLocation();
  return (
    <Form method="post" action="/language" className="language-switcher">
      <input type="hidden" name="redirectTo" value={location.pathname + location.search} />
      <label htmlFor="language-select">{t("language.label")}</label>
      <select id="language-select" name="locale" defaultValue={locale} key={locale}>
        {locales.map((l) => (
          <option key={l} value={l} lang={l}>
            {t(`language.${l}`)}
          </option>
        ))}
      </select>
      <button type="submit">{t("language.switch")}</button>
    </Form>
  );
}
