import type { RequestHandler } from "express";
import type { Config } from "../config";

const safeMethods = new Set(["GET", "HEAD", "OPTIONS"]);

export function expectedOrigin(config: Config, protocol: string, host: string | undefined): string | null {
  if (config.publicOrigin) return config.publicOrigin;
  return host ? `${protocol}://${host}` : null;
}

/**
 * CSRF defence: a state-changing request must carry an Origin header naming us. Browsers always
 * send Origin on non-GET requests, so a missing header means a non-browser client that must set it.
 */
export function originCheck(config: Config): RequestHandler {
  return (req, res, next) => {
    if (safeMethods.has(req.method)) return next();
    const origin = req.headers.origin;
    if (origin && origin === expectedOrigin(config, req.protocol, req.headers.host)) return next();
    req.log?.warn({ origin: origin ?? null, method: req.method, url: req.originalUrl }, "refused cross-origin mutation");
    res
      .status(403)
      .type("application/json")
      .send(JSON.stringify({ error: "This request came from another site (Origin header missing or foreign) and was refused." }));
  };
}
