import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { isLocale } from "../../shared/i18n/locales";
import { safeRedirectPath } from "../utils/auth.server";
import { localeCookieHeader, setUserLocale } from "../utils/locale.server";

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await request.formData();
  const locale = form.get("locale");
  const back = safeRedirectPath(form.get("redirectTo"), "/");
  if (!isLocale(locale)) return redirect(back);
  if (context.auth) {
    await setUserLocale(context.services.db, context.auth.user.id, locale);
  }
  return redirect(back, { headers: { "Set-Cookie": localeCookieHeader(locale) } });
}

export const loader = () => redirect("/");
