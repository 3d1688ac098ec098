import crypto from "node:crypto";
import express, { type ErrorRequestHandler } from "express";
import compression from "compression";
import { pinoHttp } from "pino-http";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import type { RequestContext, Services } from "../context";
import { assetsDir, publicDir } from "../paths";
import { originCheck } from "./originCheck";
import { cspNonce, securityHeaders } from "./securityHeaders";
import { sessionMiddleware } from "./sessionMiddleware";

export function createHttpApp(services: Services, build: ServerBuild): express.Express {
  const { config, logger } = services;
  const app = express();
  app.disable("x-powered-by");
  if (config.trustProxy) app.set("trust proxy", true);

  app.use(
    pinoHttp({
      logger,
      genReqId: (req, res) => {
        const fromProxy = req.headers["x-request-id"];
        const id = typeof fromProxy === "string" && /^[\w-]{1,64}$/.test(fromProxy) ? fromProxy : crypto.randomUUID();
        res.setHeader("X-Request-Id", id);
        return id;
      },
      // Only what an operator needs: headers would put session cookies into the logs.
      serializers: {
        req: (req: { id: unknown; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
      autoLogging: { ignore: (req) => req.url?.startsWith("/build/") ?? false },
      customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? "error" : res.statusCode >= 400 ? "warn" : "info"),
    }),
  );
  app.use(cspNonce, securityHeaders(config));
  app.use(compression());

  // Reached only once index.ts has opened and migrated the database.
  app.get("/healthz", (_req, res) => {
    res.json({ ok: true });
  });

  // Remix fingerprints everything under /build, so it may be cached for good.
  app.use("/build", express.static(assetsDir, { immutable: true, maxAge: "1y" }));
  app.use(express.static(publicDir, { maxAge: "1h" }));

  app.use(originCheck(config));
  app.use(sessionMiddleware(services));

  app.all(
    "*",
    createRequestHandler({
      build,
      mode: config.production ? "production" : "development",
      getLoadContext: (req, res): RequestContext => ({
        services,
        auth: res.locals.auth ?? null,
        cspNonce: res.locals.cspNonce,
        clientIp: req.ip ?? req.socket.remoteAddress ?? "unknown",
        requestId: String(req.id),
      }),
    }),
  );

  const onError: ErrorRequestHandler = (error, req, res, _next) => {
    req.log.error({ err: error }, "request failed");
    if (res.headersSent) return res.end();
    res.status(500).json({ error: "Internal error. Try again; if it keeps happening, contact support with the request id.", requestId: req.id });
  };
  app.use(onError);
  return app;
}
