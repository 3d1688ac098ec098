import { Link, useRouteLoaderData } from "@remix-run/react";
import { useT } from "../i18n";

export default function Landing() {
  const t = useT();
  const root = useRouteLoaderData<{ user: unknown }>("root");
  return (
    <section className="landing">
      <h1>{t("landing.title")}</h1>
      <p className="lead">{t("landing.intro")}</p>
      <p className="actions">
        {root?.user ? (
          <Link className="button primary" to="/dashboard">
            {t("landing.cta.dashboard")}
          </Link>
        ) : (
          <>
            <Link className="button primary" to="/signup">
              {t("landing.cta.signup")}
            </Link>
            <Link className="button" to="/login">
              {t("landing.cta.login")}
            </Link>
          </>
        )}
      </p>
    </section>
  );
}
