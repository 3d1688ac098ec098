import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { blankSessionCookieHeader, invalidateSession } from "../utils/auth.server";

export async function action({ context }: ActionFunctionArgs) {
  const auth = context.auth;
  if (auth) {
    await invalidateSession(context.services.db, auth.sessionId);
    context.services.collaboration.closeSessions((c) => c.sessionId === auth.sessionId);
  }
  return redirect("/", { headers: { "Set-Cookie": blankSessionCookieHeader(context) } });
}

export const loader = () => redirect("/");
