import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import type { RefusalBody } from "../../shared/refusal";
import { Field } from "../components/Field";
import { RefusalAlert } from "../components/RefusalAlert";
import { useT, type MessageKey } from "../i18n";
import { changePassword, invalidateOtherSessions, passwordSchema } from "../utils/auth.server";
import { retryAfterHeaders } from "../utils/retryAfterHeaders";
import { requireUser } from "../utils/member.server";
import { DomainError, pageAction } from "../utils/respond.server";
import { digestEnabled, setDigestEnabled } from "../utils/digests.server";
import { DigestSettingForm } from "../components/DigestSettingForm";

export const meta: MetaFunction = () => [{ title: "Settings — Common Ground" }];

export const headers = retryAfterHeaders;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user } = requireUser(request, context, { api: false });
  const { db, config } = context.services;
  return {
    name: user.name,
    email: user.email,
    digest: await digestEnabled(db, user.id),
    digestHours: Math.max(1, Math.round(config.digestIntervalMinutes / 60)),
  };
}

const settingsForm = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("password"), currentPassword: z.string().min(1).max(1000), newPassword: passwordSchema }),
  z.object({ intent: z.literal("signOutOthers") }),
  z.object({ intent: z.literal("digest"), enabled: z.literal("1").optional() }),
]);

type FormName = "password" | "sessions" | "digest";
/** What a form did, or why it was refused (only the password form is: 400 wrong current password, 429 spent budget). */
type SettingsResult = { form: FormName; message: MessageKey; params?: Record<string, number> } | (RefusalBody & { form: FormName });

export async function action({ request, context }: ActionFunctionArgs) {
  const auth = requireUser(request, context, { api: false });
  const parsed = settingsForm.safeParse(Object.fromEntries(await request.formData()));
  const form = parsed.success ? parsed.data : null;
  const { db } = context.services;
  if (form?.intent === "signOutOthers") {
    const count = await invalidateOtherSessions(db, auth.user.id, auth.sessionId);
    return json<SettingsResult>({ form: "sessions", message: "settings.sessions.done", params: { count } });
  }
  if (form?.intent === "digest") {
    await setDigestEnabled(db, auth.user.id, form.enabled === "1");
    return json<SettingsResult>({ form: "digest", message: "settings.digest.saved" });
  }
  return pageAction(
    request,
    context,
    async () => {
      if (form?.intent !== "password") throw new DomainError(400, "signup.error.password");
      await changePassword(db, {
        user: auth.user,
        sessionId: auth.sessionId,
        currentPassword: form.currentPassword,
        newPassword: form.newPassword,
        ip: context.clientIp,
      });
      return json<SettingsResult>({ form: "password", message: "settings.password.changed" });
    },
    { form: "password" },
  );
}

export default function Settings() {
  const t = useT();
  const user = useLoaderData<typeof loader>();
  const result = useActionData<SettingsResult>();
  const feedback = (form: FormName) => {
    if (result?.form !== form) return null;
    if ("error" in result) return <RefusalAlert refusal={result} />;
    return (
      <p role="status" className="form-success">
        {t(result.message, result.params)}
      </p>
    );
  };
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

      <h2>{t("settings.digest.title")}</h2>
      {feedback("digest")}
      <DigestSettingForm enabled={user.digest} intervalHours={user.digestHours} />
    </section>
  );
}
