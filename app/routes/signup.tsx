import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import type { RefusalBody } from "../../shared/refusal";
import { Field } from "../components/Field";
import { RefusalAlert } from "../components/RefusalAlert";
import { useT, type MessageKey } from "../i18n";
import { getLocale, setUserLocale } from "../utils/locale.server";
import { emailSchema, nameSchema, passwordSchema, safeRedirectPath, sessionCookieHeader, signUp } from "../utils/auth.server";
import { retryAfterHeaders } from "../utils/retryAfterHeaders";
import { pageAction } from "../utils/respond.server";

export const meta: MetaFunction = () => [{ title: "Sign up — Common Ground" }];

export const headers = retryAfterHeaders;

export function loader({ context }: LoaderFunctionArgs) {
  if (context.auth) throw redirect("/dashboard");
  return null;
}

const signupForm = z.object({
  name: nameSchema,
  email: emailSchema,
  password: passwordSchema,
  redirectTo: z.string().optional(),
});

const fieldMessages: Record<string, MessageKey> = {
  name: "signup.error.name",
  email: "signup.error.email",
  password: "signup.error.password",
};

type Values = { name?: string; email?: string };
/** Fields that do not fit, by message key, and what was typed. */
type SignupErrors = { fields: Partial<Record<"name" | "email" | "password", MessageKey>>; values: Values };
/** A refusal from signUp (409 email taken, shown at `field`; 429 spent budget), and what was typed. */
type SignupRefusal = RefusalBody & { values: Values; field?: "email" };

export async function action({ request, context }: ActionFunctionArgs) {
  const raw = Object.fromEntries(await request.formData());
  const values = { name: typeof raw.name === "string" ? raw.name : "", email: typeof raw.email === "string" ? raw.email : "" };
  const parsed = signupForm.safeParse(raw);
  if (!parsed.success) {
    const fields: SignupErrors["fields"] = {};
    for (const issue of parsed.error.issues) {
      const name = String(issue.path[0]) as keyof SignupErrors["fields"];
      if (fieldMessages[name]) fields[name] = fieldMessages[name];
    }
    return json<SignupErrors>({ fields, values }, { status: 400 });
  }
  const { db, config } = context.services;
  return pageAction(
    request,
    context,
    async () => {
      const session = await signUp(db, { ...parsed.data, ip: context.clientIp }, config.signupsPerAddressPerHour);
      // Keep the language the visitor was reading in as their saved preference.
      await setUserLocale(db, session.user.id, getLocale(request, context));
      return redirect(safeRedirectPath(parsed.data.redirectTo), {
        headers: { "Set-Cookie": sessionCookieHeader(context, session.token, session.expiresAt) },
      });
    },
    { values },
  );
}

export default function Signup() {
  const t = useT();
  const data = useActionData<SignupErrors | SignupRefusal>();
  const navigation = useNavigation();
  const [searchParams] = useSearchParams();
  const refusal = data && "error" in data ? data : undefined;
  const fields: SignupErrors["fields"] = data && !("error" in data) ? data.fields : {};
  const error = (key?: MessageKey) => (key ? t(key) : undefined);
  return (
    <section className="narrow">
      <h1>{t("signup.title")}</h1>
      {refusal && !refusal.field && <RefusalAlert refusal={refusal} />}
      <Form method="post">
        <input type="hidden" name="redirectTo" value={searchParams.get("redirectTo") ?? ""} />
        <Field label={t("signup.name")} name="name" autoComplete="name" required maxLength={100} defaultValue={data?.values.name} error={error(fields.name)} />
        <Field
          label={t("signup.email")}
          name="email"
          type="email"
          autoComplete="email"
          required
          defaultValue={data?.values.email ?? searchParams.get("email") ?? undefined}
          error={refusal?.field === "email" ? refusal.error : error(fields.email)}
        />
        <Field
          label={t("signup.password")}
          name="password"
          type="password"
          autoComplete="new-password"
          required
          minLength={10}
          hint={t("signup.passwordHint")}
          error={error(fields.password)}
        />
        <button type="submit" className="primary" disabled={navigation.state === "submitting"}>
          {t("signup.submit")}
        </button>
      </Form>
      <p>
        {t("signup.haveAccount")} <Link to={`/login?${searchParams}`}>{t("nav.login")}</Link>
      </p>
    </section>
  );
}
