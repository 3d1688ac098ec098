import type { RequestHandler } from "express";
import type { Services } from "../context";
import { readCookie, serializeSessionCookie, sessionCookieName } from "../auth/sessionCookie";
import { validateSessionToken } from "../auth/sessions";

/** Validates the session cookie once per request and re-sends it when its expiry slid forward. */
export function sessionMiddleware(services: Services): RequestHandler {
  return (req, res, next) => {
    const token = readCookie(req.headers.cookie, sessionCookieName);
    if (!token) {
      res.locals.auth = null;
      return next();
    }
    validateSessionToken(services.db, token)
      .then((auth) => {
        res.locals.auth = auth;
        if (auth?.renewed) res.append("Set-Cookie", serializeSessionCookie(token, auth.expiresAt, services.config.secureCookies));
        next();
      })
      .catch(next);
  };
}
