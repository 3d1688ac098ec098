import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import type { RefusalBody } from "../../shared/refusal";
import { Field } from "../components/Field";
import { RefusalAlert } from "../components/RefusalAlert";
import { useT } from "../i18n";
import { emailSchema, logIn, safeRedirectPath, sessionCookieHeader } from "../utils/auth.server";
import { retryAfterHeaders } from "../utils/retryAfterHeaders";
import { DomainError, pageAction } from "../utils/respond.server";

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

/** A refused login (401 wrong email or password, 429 spent budget), with the email typed so the form shows it again. */
type LoginRefusal = RefusalBody & { email?: string };

export async function action({ request, context }: ActionFunctionArgs) {
  const raw = Object.fromEntries(await request.formData());
  const email = typeof raw.email === "string" ? raw.email : undefined;
  return pageAction(
    request,
    context,
    async () => {
      const parsed = loginForm.safeParse(raw);
      if (!parsed.success) throw new DomainError(400, "login.error.missing");
      const session = await logIn(context.services.db, { email: parsed.data.email, password: parsed.data.password, ip: context.clientIp });
      return redirect(safeRedirectPath(parsed.data.redirectTo), {
        headers: { "Set-Cookie": sessionCookieHeader(context, session.token, session.expiresAt) },
      });
    },
    // Not redirectTo: a page's 401 with redirectTo becomes a redirect to the login page.
    { email },
  );
}

export default function Login() {
  const t = useT();
  const actionData = useActionData<LoginRefusal>();
  const [searchParams] = useSearchParams();
  const navigation = useNavigation();
  const redirectTo = searchParams.get("redirectTo") ?? "";
  return (
    <section className="narrow">
      <h1>{t("login.title")}</h1>
      {actionData && <RefusalAlert refusal={actionData} />}
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
