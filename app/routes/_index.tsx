import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData, useRouteLoaderData } from "@remix-run/react";
import { useT, type MessageKey } from "../i18n";
import { demoLogins } from "../utils/demo.server";

export function loader({ context }: LoaderFunctionArgs) {
  return { demo: demoLogins(context) };
}

const features: { title: MessageKey; text: MessageKey }[] = [
  { title: "landing.feature.together.title", text: "landing.feature.together.text" },
  { title: "landing.feature.knowledge.title", text: "landing.feature.knowledge.text" },
  { title: "landing.feature.agreement.title", text: "landing.feature.agreement.text" },
  { title: "landing.feature.living.title", text: "landing.feature.living.text" },
];

export default function Landing() {
  const t = useT();
  const { demo } = useLoaderData<typeof loader>();
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
      <figure className="landing-shot">
        <img src="/screenshots/workspace-1366.png" width={1366} height={768} alt={t("landing.shot.alt")} />
        <figcaption>{t("landing.shot.caption")}</figcaption>
      </figure>
      <ul className="landing-features">
        {features.map((f) => (
          <li key={f.title}>
            <h2>{t(f.title)}</h2>
            <p>{t(f.text)}</p>
          </li>
        ))}
      </ul>
      {demo && !root?.user && (
        <section className="landing-demo" aria-labelledby="try-demo">
          <h2 id="try-demo">{t("landing.demo.title")}</h2>
          <p>{t("landing.demo.text")}</p>
          <div className="actions">
            {demo.map((login) => (
              <Form key={login.email} method="post" action="/login">
                <input type="hidden" name="email" value={login.email} />
                <input type="hidden" name="password" value={login.password} />
                <button type="submit">{t(`landing.demo.${login.side}`)}</button>
              </Form>
            ))}
          </div>
        </section>
      )}
    </section>
  );
}
