import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { Field } from "../components/Field";
import { useT, type MessageKey } from "../i18n";
import { changePassword, invalidateOtherSessions, passwordSchema, retryAfter } from "../utils/auth.server";
import { retryAfterHeaders } from "../utils/retryAfterHeaders";
import { requireUser } from "../utils/member.server";

export const meta: MetaFunction = () => [{ title: "Settings — Common Ground" }];

export const headers = retryAfterHeaders;

export function loader({ request, context }: LoaderFunctionArgs) {
  const { user } = requireUser(request, context, { api: false });
  return { name: user.name, email: user.email };
}

const settingsForm = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("password"), currentPassword: z.string().min(1).max(1000), newPassword: passwordSchema }),
  z.object({ intent: z.literal("signOutOthers") }),
]);

type SettingsResult = { form: "password" | "sessions"; ok: boolean; message: MessageKey; params?: Record<string, number> };

export async function action({ request, context }: ActionFunctionArgs) {
  const auth = requireUser(request, context, { api: false });
  const raw = Object.fromEntries(await request.formData());
  const parsed = settingsForm.safeParse(raw);
  if (!parsed.success) {
    return json<SettingsResult>({ form: "password", ok: false, message: "signup.error.password" }, { status: 400 });
  }
  const { db } = context.services;
  if (parsed.data.intent === "signOutOthers") {
    const count = await invalidateOtherSessions(db, auth.user.id, auth.sessionId);
    return json<SettingsResult>({ form: "sessions", ok: true, message: "settings.sessions.done", params: { count } });
  }
  const result = await changePassword(db, {
    user: auth.user,
    sessionId: auth.sessionId,
    currentPassword: parsed.data.currentPassword,
    newPassword: parsed.data.newPassword,
    ip: context.clientIp,
  });
  if (result.ok) {
    return json<SettingsResult>({ form: "password", ok: true, message: "settings.password.changed" });
  }
  if (result.error === "rateLimited") {
    const { seconds, minutes } = retryAfter(result.retryAfterMs);
    return json<SettingsResult>(
      { form: "password", ok: false, message: "login.error.rateLimited", params: { minutes } },
      { status: 429, headers: { "Retry-After": String(seconds) } },
    );
  }
  return json<SettingsResult>({ form: "password", ok: false, message: "settings.password.wrongCurrent" }, { status: 400 });
}

export default function Settings() {
  const t = useT();
  const user = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const feedback = (form: SettingsResult["form"]) =>
    result?.form === form ? (
      <p role={result.ok ? "status" : "alert"} className={result.ok ? "form-success" : "form-error"}>
        {t(result.message, result.params)}
      </p>
    ) : null;
  return (
    <section className="narrow">
      <h1>{t("settings.title")}</h1>
      <p>{t("settings.account", { name: user.name, email: user.email })}</p>

      <h2>{t("settings.password.title")}</h2>
      {feedback("password")}
      <Form method="post">
        <input type="hidden" name="intent" value="password" />
        <Field label={t("settings.password.current")} name="currentPassword" type="password" autoComplete="current-password" required />
        <Field
          label={t("settings.password.new")}
          name="newPassword"
          type="password"
          autoComplete="new-password"
          required
          minLength={10}
          hint={t("signup.passwordHint")}
        />
        <button type="submit">{t("settings.password.submit")}</button>
      </Form>

      <h2>{t("settings.sessions.title")}</h2>
      <p>{t("settings.sessions.explain")}</p>
      {feedback("sessions")}
      <Form method="post">
        <input type="hidden" name="intent" value="signOutOthers" />
        <button type="submit">{t("settings.sessions.submit")}</button>
      </Form>
    </section>
  );
}
