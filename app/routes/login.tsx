import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { Field } from "../components/Field";
import { useT, type MessageKey } from "../i18n";
import { emailSchema, logIn, retryAfter, safeRedirectPath, sessionCookieHeader } from "../utils/auth.server";
import { retryAfterHeaders } from "../utils/retryAfterHeaders";

export const meta: MetaFunction = () => [{ title: "Log in — Common Ground" }];

export const headers = retryAfterHeaders;

export function loader({ context, request }: LoaderFunctionArgs) {
  if (context.auth) throw redirect(safeRedirectPath(new URL(request.url).searchParams.get("redirectTo")));
  return null;
}

const loginForm = z.object({
  email: emailSchema,
  password: z.string().min(1).max(1000),
  redirectTo: z.string().optional(),
});

type LoginError = { error: MessageKey; params?: Record<string, number>; email?: string };

export async function action({ request, context }: ActionFunctionArgs) {
  const parsed = loginForm.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) {
    return json<LoginError>({ error: "login.error.missing" }, { status: 400 });
  }
  const { email, password, redirectTo } = parsed.data;
  const result = await logIn(context.services.db, { email, password, ip: context.clientIp });
  if (result.ok) {
    return redirect(safeRedirectPath(redirectTo), {
      headers: { "Set-Cookie": sessionCookieHeader(context, result.token, result.expiresAt) },
    });
  }
  if (result.error === "rateLimited") {
    const { seconds, minutes } = retryAfter(result.retryAfterMs);
    return json<LoginError>({ error: "login.error.rateLimited", params: { minutes }, email }, { status: 429, headers: { "Retry-After": String(seconds) } });
  }
  return json<LoginError>({ error: "login.error.invalid", email }, { status: 401 });
}

export default function Login() {
  const t = useT();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const navigation = useNavigation();
  const redirectTo = searchParams.get("redirectTo") ?? "";
  return (
    <section className="narrow">
      <h1>{t("login.title")}</h1>
      {actionData?.error && (
        <p role="alert" className="form-error">
          {t(actionData.error, actionData.params)}
        </p>
      )}
      <Form method="post" noValidate={false}>
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <Field
          label={t("login.email")}
          name="email"
          type="email"
          autoComplete="email"
          required
          defaultValue={actionData?.email ?? searchParams.get("email") ?? undefined}
        />
        <Field label={t("login.password")} name="password" type="password" autoComplete="current-password" required />
        <button type="submit" className="primary" disabled={navigation.state === "submitting"}>
          {t("login.submit")}
        </button>
      </Form>
      <p>
        {t("login.noAccount")} <Link to={`/signup?${searchParams}`}>{t("nav.signup")}</Link>
      </p>
    </section>
  );
}
