import type { AppLoadContext } from "@remix-run/node";
import type { ValidSession } from "../../server/auth/sessions";
import { serializeBlankSessionCookie, serializeSessionCookie } from "../../server/auth/sessionCookie";

export function getAuth(context: AppLoadContext): ValidSession | null {
  return context.auth;
}

export function sessionCookieHeader(context: AppLoadContext, token: string, expiresAt: number): string {
  return serializeSessionCookie(token, expiresAt, context.services.config.secureCookies);
}

export function blankSessionCookieHeader(context: AppLoadContext): string {
  return serializeBlankSessionCookie(context.services.config.secureCookies);
}

const ownOrigin = "http://common-ground.invalid";
// Browsers drop tabs and newlines from URLs and read a backslash as a slash, so "/\t/evil.example"
// and "/\\evil.example" mean "//evil.example" to them; such targets are refused, also percent-encoded.
// eslint-disable-next-line no-control-regex -- control characters are what this refuses
const unsafeInPath = /[\u0000-\u001f\u007f\\]|%(?:[01][0-9a-f]|7f|5c)/i;

/** Only same-site paths, so a crafted link cannot bounce a fresh login to another site. */
export function safeRedirectPath(value: FormDataEntryValue | string | null | undefined, fallback = "/dashboard"): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.length > 2000 || unsafeInPath.test(value)) return fallback;
  let url: URL;
  try {
    url = new URL(value, ownOrigin);
  } catch {
    return fallback;
  }
  // What we send is what the URL parser read, so a browser cannot read it differently.
  const path = url.pathname + url.search + url.hash;
  if (url.origin !== ownOrigin || path.startsWith("//")) return fallback;
  return path;
}

// Routes reach server code only through *.server.ts modules, which the browser build drops.
export { changePassword, emailSchema, logIn, nameSchema, passwordSchema, signUp } from "../../server/auth/accounts";
export { invalidateOtherSessions, invalidateSession } from "../../server/auth/sessions";
