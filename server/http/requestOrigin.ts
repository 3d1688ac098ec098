import type { IncomingMessage } from "node:http";
import type { TLSSocket } from "node:tls";
import type { Config } from "../config";
import { fromTrustedProxy } from "./trustProxy";

/** The origin browsers must be on to talk to us: PUBLIC_URL's, or the one this request addressed. */
export function expectedOrigin(config: Config, req: IncomingMessage): string | null {
  if (config.publicOrigin) return config.publicOrigin;
  const forwarded = fromTrustedProxy(config.trustProxy, req)
    ? String(req.headers["x-forwarded-proto"] ?? "")
        .split(",")[0]
        ?.trim()
    : "";
  const protocol = forwarded || ((req.socket as TLSSocket).encrypted ? "https" : "http");
  return req.headers.host ? `${protocol}://${req.headers.host}` : null;
}

export function hasOwnOrigin(config: Config, req: IncomingMessage): boolean {
  const origin = req.headers.origin;
  return typeof origin === "string" && origin === expectedOrigin(config, req);
}
