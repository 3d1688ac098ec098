import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { Field } from "../components/Field";
import { useT, type MessageKey } from "../i18n";
import { getLocale, setUserLocale } from "../utils/locale.server";
import { emailSchema, nameSchema, passwordSchema, retryAfter, safeRedirectPath, sessionCookieHeader, signUp } from "../utils/auth.server";
import { retryAfterHeaders } from "../utils/retryAfterHeaders";

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

type SignupErrors = {
  fields: Partial<Record<"name" | "email" | "password", MessageKey>>;
  values: { name?: string; email?: string };
  error?: { key: MessageKey; params: Record<string, number> };
};

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
  const result = await signUp(db, { ...parsed.data, ip: context.clientIp }, config.signupsPerAddressPerHour);
  if (!result.ok && result.error === "rateLimited") {
    const { seconds, minutes } = retryAfter(result.retryAfterMs);
    return json<SignupErrors>(
      { fields: {}, values, error: { key: "signup.error.rateLimited", params: { minutes } } },
      { status: 429, headers: { "Retry-After": String(seconds) } },
    );
  }
  if (!result.ok) {
    return json<SignupErrors>({ fields: { email: "signup.error.emailTaken" }, values }, { status: 409 });
  }
  // Keep the language the visitor was reading in as their saved preference.
  await setUserLocale(context.services.db, result.user.id, getLocale(request, context));
  return redirect(safeRedirectPath(parsed.data.redirectTo), {
    headers: { "Set-Cookie": sessionCookieHeader(context, result.token, result.expiresAt) },
  });
}

export default function Signup() {
  const t = useT();
  const data = useActionData<typeof action>();
  const navigation = useNavigation();
  const [searchParams] = useSearchParams();
  const error = (key?: MessageKey) => (key ? t(key) : undefined);
  return (
    <section className="narrow">
      <h1>{t("signup.title")}</h1>
      {data?.error && (
        <p role="alert" className="form-error">
          {t(data.error.key, data.error.params)}
        </p>
      )}
      <Form method="post">
        <input type="hidden" name="redirectTo" value={searchParams.get("redirectTo") ?? ""} />
        <Field
          label={t("signup.name")}
          name="name"
          autoComplete="name"
          required
          maxLength={100}
          defaultValue={data?.values.name}
          error={error(data?.fields.name)}
        />
        <Field
          label={t("signup.email")}
          name="email"
          type="email"
          autoComplete="email"
          required
          defaultValue={data?.values.email ?? searchParams.get("email") ?? undefined}
          error={error(data?.fields.email)}
        />
        <Field
          label={t("signup.password")}
          name="password"
          type="password"
          autoComplete="new-password"
          required
          minLength={10}
          hint={t("signup.passwordHint")}
          error={error(data?.fields.password)}
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
