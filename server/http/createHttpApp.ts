import crypto from "node:crypto";
import express, { type ErrorRequestHandler } from "express";
import compression from "compression";
import { pinoHttp } from "pino-http";
import { createRequestHandler as createRemixHandler } from "@remix-run/node";
// The adapter's own request and response conversion; its package has no exports map, and our
// version is pinned exactly, so the path is stable.
import { createRemixRequest, sendRemixResponse } from "@remix-run/express/dist/server.js";
import type { ServerBuild } from "@remix-run/node";
import type { RequestContext, Services } from "../context";
import { assetsDir, publicDir } from "../paths";
import { originCheck } from "./originCheck";
import { cspNonce, securityHeaders } from "./securityHeaders";
import { sessionMiddleware } from "./sessionMiddleware";
import { proxyTrust } from "./trustProxy";
import { metDatabaseBusy, sendDatabaseBusy } from "./databaseBusy";
import { isDatabaseBusy } from "../../db/connection";

export function createHttpApp(services: Services, build: ServerBuild): express.Express {
  const { config, logger } = services;
  const app = express();
  app.disable("x-powered-by");
  // req.ip: the address the nearest untrusted hop connected from (server/http/trustProxy.ts).
  app.set("trust proxy", proxyTrust(config.trustProxy));

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

  const remix = createRemixHandler(build, config.production ? "production" : "development");
  app.all("*", async (req, res, next) => {
    try {
      const context: RequestContext = {
        services,
        auth: res.locals.auth ?? null,
        cspNonce: res.locals.cspNonce,
        clientIp: req.ip ?? req.socket.remoteAddress ?? "unknown",
        requestId: String(req.id),
      };
      const response = await remix(createRemixRequest(req, res), context);
      // app/entry.server.tsx's handleError notes a locked database; that is a 503, not a 500.
      if (response.status >= 500 && metDatabaseBusy(context)) return sendDatabaseBusy(req, res);
      await sendRemixResponse(res, response);
    } catch (error) {
      next(error);
    }
  });

  const onError: ErrorRequestHandler = (error, req, res, _next) => {
    if (isDatabaseBusy(error) && !res.headersSent) {
      req.log.warn({ err: error }, "database locked by another process");
      return sendDatabaseBusy(req, res);
    }
    req.log.error({ err: error }, "request failed");
    if (res.headersSent) return res.end();
    res.status(500).json({ error: "Internal error. Try again; if it keeps happening, contact support with the request id.", requestId: req.id });
  };
  app.use(onError);
  return app;
}
