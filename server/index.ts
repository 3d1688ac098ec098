import fs from "node:fs";
import http from "node:http";
import type { ServerBuild } from "@remix-run/node";
import { ConfigError, loadConfig } from "./config";
import { createLogger, giveUpOnStdoutAfter } from "./logger";
import { killAfter } from "./shutdownWatchdog";
import { migrateToLatest, openDatabase } from "../db/connection";
import { createHttpApp } from "./http/createHttpApp";
import { serverBuildPath } from "./paths";
import { seedDemo, demoUsers, demoPassword } from "./demo/seedDemo";
import { DocumentStore } from "./collaboration/documentStore";
import { prepareProposalStatements } from "../db/queries/proposals";
import { CollaborationServer } from "./collaboration/collaborationServer";
import { loadCatalogue } from "../shared/knowledge/catalogue";
import { createMailer } from "./mail/mailer";
import { scheduleDigests } from "./activity/digests";
import { signoffVoiding } from "./activity/signoffVoiding";
import { sessionGreeting } from "./moderatedSessions/liveSession";
import { followPresence } from "./moderatedSessions/attendance";
import { closeAbandonedAttendance, closeAllAttendance } from "../db/queries/sessionAttendance";
import type { Services } from "./context";

async function main() {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const logger = createLogger(config.logLevel);

  if (!fs.existsSync(serverBuildPath)) {
    logger.fatal(`No app build at ${serverBuildPath}. Run "npm run build" (npm start does this for you).`);
    process.exit(1);
  }
  const build = (await import(serverBuildPath)) as ServerBuild;

  const { db, sqlite } = openDatabase(config.dataDir);
  await migrateToLatest(db);
  await closeAbandonedAttendance(db);
  const documents = new DocumentStore(sqlite, logger);
  const seeded = config.seedDemo ? await seedDemo(db, documents) : false;
  // The services need the collaboration server; its watcher reads them only once a room loads, when they exist.
  const collaboration = new CollaborationServer(db, config, logger, documents, prepareProposalStatements(sqlite), {
    editWatcher: signoffVoiding(() => services),
    greeting: (negotiationId) => sessionGreeting(db, negotiationId),
    presence: followPresence(db, logger),
  });

  const catalogue = loadCatalogue();
  const mailer = createMailer(config.smtpUrl, config.mailFrom, db, logger);
  const services: Services = { db, config, logger, documents, collaboration, catalogue, mailer };
  const server = http.createServer(createHttpApp(services, build));
  const stopDigests = scheduleDigests(services);
  server.on("upgrade", (req, socket, head) => collaboration.handleUpgrade(req, socket, head));
  // A socket error before a handler is attached would otherwise crash the process.
  server.on("clientError", (error, socket) => {
    logger.debug({ err: error }, "client connection error");
    if (socket.writable) socket.end("HTTP/1.1 400 Bad Request\r\n\r\n");
    else socket.destroy();
  });

  await new Promise<void>((resolve) => server.listen(config.port, config.host, resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : config.port;
  const url = config.publicOrigin ?? `http://localhost:${port}`;
  logger.info({ port, dataDir: config.dataDir }, `listening on ${url}`);
  if (process.stdout.isTTY || process.env.npm_lifecycle_event === "start") {
    const logins = demoUsers.map((u) => `  ${u.email.padEnd(22)} ${u.role ?? "(member of nothing)"}`).join("\n");
    console.log(
      `\nCommon Ground is running at ${url}\n` +
        (config.seedDemo ? `Demo logins (password "${demoPassword}")${seeded ? "" : " — seeded earlier"}:\n${logins}\n` : ""),
    );
  }

  // Shutdown ends within 10 s whatever is pending: open requests get 4 s, then their connections
  // are cut; at 8 s the process exits with what it has; at 9 s a worker thread kills it, should the
  // main thread hang in a synchronous write or exit handler. Log lines stdout will not take by 7 s
  // are dropped (logger.ts), so the final flush at exit cannot wait forever either.
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    giveUpOnStdoutAfter(7_000);
    killAfter(9_000);
    setTimeout(() => {
      logger.warn("shutdown did not finish in 8 s; exiting with work still pending");
      process.exit(1);
    }, 8_000).unref();
    setTimeout(() => server.closeAllConnections(), 4_000).unref();
    logger.info({ signal }, "shutting down");
    stopDigests();
    const stoppedAt = Date.now();
    collaboration.shutdown();
    documents.flush();
    server.close(async () => {
      await closeAllAttendance(db, stoppedAt);
      await documents.close();
      await db.destroy();
      logger.info("stopped");
      process.exit(0);
    });
    server.closeIdleConnections();
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
