import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { blankSessionCookieHeader, invalidateSession } from "../utils/auth.server";

export async function action({ context }: ActionFunctionArgs) {
  if (context.auth) await invalidateSession(context.services.db, context.auth.sessionId);
  return redirect("/", { headers: { "Set-Cookie": blankSessionCookieHeader(context) } });
}

export const loader = () => redirect("/");
