import crypto from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { RequestHandler } from "express";
import helmet from "helmet";
import type { Config } from "../config";

export const cspNonce: RequestHandler = (_req, res, next) => {
  res.locals.cspNonce = crypto.randomBytes(16).toString("base64");
  next();
};

// A Host header is client input; only a plain host[:port] may go into the policy.
const plainHost = /^[a-z0-9.-]+(:\d{1,5})?$|^\[[0-9a-f:.]+\](:\d{1,5})?$/i;

function socketSources(config: Config) {
  return (req: IncomingMessage): string => {
    if (config.publicOrigin) return config.publicOrigin.replace(/^http/, "ws");
    const host = req.headers.host ?? "";
    return plainHost.test(host) ? `ws://${host} wss://${host}` : "'self'";
  };
}

export function securityHeaders(config: Config): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: true,
      directives: {
        "script-src": [
          "'self'",
          (_req: IncomingMessage, res: ServerResponse) => `'nonce-${(res as unknown as { locals: { cspNonce: string } }).locals.cspNonce}'`,
        ],
        // ProseMirror and y-prosemirror position cursors and widgets with inline style attributes.
        "style-src": ["'self'", "'unsafe-inline'"],
        "connect-src": ["'self'", socketSources(config)],
        "img-src": ["'self'", "data:"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "upgrade-insecure-requests": config.publicOrigin?.startsWith("https:") ? [] : null,
      },
    },
    strictTransportSecurity: config.publicOrigin?.startsWith("https:") ?? false,
    crossOriginEmbedderPolicy: false,
    referrerPolicy: { policy: "same-origin" },
  });
}
