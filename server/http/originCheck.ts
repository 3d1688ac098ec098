import type { RequestHandler } from "express";
import type { Config } from "../config";
import { hasOwnOrigin } from "./requestOrigin";

const safeMethods = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * CSRF defence: a state-changing request must carry an Origin header naming us. Browsers always
 * send Origin on non-GET requests, so a missing header means a non-browser client that must set it.
 */
export function originCheck(config: Config): RequestHandler {
  return (req, res, next) => {
    if (safeMethods.has(req.method) || hasOwnOrigin(config, req)) return next();
    req.log?.warn({ origin: req.headers.origin ?? null, method: req.method, url: req.originalUrl }, "refused cross-origin mutation");
    res
      .status(403)
      .type("application/json")
      .send(JSON.stringify({ error: "This request came from another site (Origin header missing or foreign) and was refused." }));
  };
}
