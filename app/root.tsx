import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import type { ClientLoaderFunctionArgs } from "@remix-run/react";
import {
  Form,
  Link,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  isRouteErrorResponse,
  useLocation,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import type { ReactNode } from "react";
import styles from "./styles/app.css";
import activityStyles from "./styles/activity.css";
import { useLocale, useT } from "./i18n";
import { loadCatalogue } from "./i18nCatalogues";
import { getLocale } from "./utils/locale.server";
import { getTimeZone } from "./utils/timeZone.server";
import { timeZoneCookieScript } from "./utils/timeZoneCookie";
import { unreadCounts } from "./utils/notifications.server";
import { useNonce } from "./utils/nonce";
import { LanguageSwitcher } from "./components/LanguageSwitcher";
import { NotificationBell } from "./components/notifications/NotificationBell";
import { isRefusalBody } from "../shared/refusal";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: styles },
  { rel: "stylesheet", href: activityStyles },
  { rel: "icon", href: "/favicon.ico" },
];

export const meta: MetaFunction = () => [{ title: "Common Ground" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const auth = context.auth;
  const unread = auth ? [...(await unreadCounts(context.services.db, auth.user.id)).values()].reduce((a, b) => a + b, 0) : 0;
  const user = auth ? { name: auth.user.name, email: auth.user.email, unread } : null;
  // The viewer's time zone, from the cookie the script below keeps (why: app/utils/timeZone.server.ts).
  return { locale: getLocale(request, context), timeZone: getTimeZone(request), user };
}

/**
 * The language can change on any navigation (the language switch, logging in as a user who chose
 * another): its catalogue is fetched before the new data renders, so no page shows without words.
 */
export async function clientLoader({ serverLoader }: ClientLoaderFunctionArgs) {
  const data = await serverLoader<typeof loader>();
  await loadCatalogue(data.locale);
  return data;
}

export function Layout({ children }: { children: ReactNode }) {
  const locale = useLocale();
  const nonce = useNonce();
  return (
    <html lang={locale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
        <script nonce={nonce} suppressHydrationWarning dangerouslySetInnerHTML={{ __html: timeZoneCookieScript }} />
      </head>
      <body>
        {children}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

function Header() {
  const t = useT();
  const data = useRouteLoaderData<typeof loader>("root");
  const location = useLocation();
  return (
    <header className="site-header">
      <a className="skip-link" href="#main">
        {t("app.skipToContent")}
      </a>
      <Link to={data?.user ? "/dashboard" : "/"} className="brand">
        {t("app.name")}
      </Link>
      <nav aria-label={t("nav.main")}>
        <Link to="/knowledge">{t("nav.knowledge")}</Link>
        {data?.user ? (
          <>
            <Link to="/dashboard">{t("nav.dashboard")}</Link>
            <NotificationBell initialUnread={data.user.unread} />
            <Link to="/settings">{t("nav.settings")}</Link>
            <Form method="post" action="/logout" className="inline-form">
              <button type="submit" className="link-button">
                {t("nav.logout")}
              </button>
            </Form>
          </>
        ) : (
          <>
            <Link to={`/login?redirectTo=${encodeURIComponent(location.pathname)}`}>{t("nav.login")}</Link>
            <Link to="/signup">{t("nav.signup")}</Link>
          </>
        )}
      </nav>
      <LanguageSwitcher />
    </header>
  );
}

export default function App() {
  return (
    <>
      <Header />
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
    </>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  const t = useT();
  const signedIn = Boolean(useRouteLoaderData<typeof loader>("root")?.user);
  const status = isRouteErrorResponse(error) ? error.status : 500;
  // A refusal (server/errors.ts toResponse) arrives translated; anything else gets a message by status.
  const refusal = isRouteErrorResponse(error) && isRefusalBody(error.data) ? error.data : null;
  const message = refusal
    ? refusal.error
    : status === 404
      ? t("error.notFound")
      : status === 403
        ? t("error.forbidden")
        : status === 401
          ? t("error.unauthorized")
          : t("error.generic");
  return (
    <>
      <Header />
      <main id="main" tabIndex={-1}>
        <h1>{status === 404 ? t("error.notFoundTitle") : t("error.title")}</h1>
        <p role="alert">{message}</p>
        <p>{signedIn ? <Link to="/dashboard">{t("error.backToDashboard")}</Link> : <Link to="/">{t("error.backHome")}</Link>}</p>
      </main>
    </>
  );
}
