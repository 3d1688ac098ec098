import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import type SQLite from "better-sqlite3";
import { migrateToLatest, openDatabase } from "../../db/connection";
import { createNegotiation } from "../../db/queries/negotiations";
import { prepareProposalStatements } from "../../db/queries/proposals";
import { buildScheduleDoc, type ScheduleTemplate } from "../../shared/editor/scheduleTemplate";
import { newId } from "../../shared/ids";
import { loadCatalogue } from "../../shared/knowledge/catalogue";
import type { Role } from "../../shared/roles";
import { createSession, sessionIdFromToken } from "../auth/sessions";
import { CollaborationServer } from "../collaboration/collaborationServer";
import { DocumentStore } from "../collaboration/documentStore";
import { loadConfig } from "../config";
import type { Services } from "../context";
import { createLogger } from "../logger";
import { createMailer } from "../mail/mailer";

export interface InProcessServer {
  services: Services;
  sqlite: SQLite.Database;
  /** ws://… of the collaboration endpoint, and the Origin a browser on our page sends. */
  wsUrl: string;
  origin: string;
  close(): Promise<void>;
}

/**
 * The server's parts in this process: a real SQLite file in a temp dir, the real collaboration
 * server on an http server of its own (sockets only; no Remix build needed), no demo data.
 */
export async function startInProcessServer(options: { idleUnloadMs?: number } = {}): Promise<InProcessServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "cg-unit-"));
  const config = loadConfig({ NODE_ENV: "test", DATA_DIR: dataDir, DEMO: "0", LOG_LEVEL: "silent" });
  const logger = createLogger("silent");
  const { db, sqlite } = openDatabase(dataDir);
  await migrateToLatest(db);
  const documents = new DocumentStore(sqlite, logger);
  const collaboration = new CollaborationServer(db, config, logger, documents, prepareProposalStatements(sqlite), { idleUnloadMs: options.idleUnloadMs });
  const services: Services = {
    db,
    config,
    logger,
    documents,
    collaboration,
    catalogue: loadCatalogue(),
    mailer: createMailer(null, config.mailFrom, db, logger),
  };
  const server = http.createServer((_req, res) => res.writeHead(404).end());
  server.on("upgrade", (req, socket, head) => collaboration.handleUpgrade(req, socket, head));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  return {
    services,
    sqlite,
    wsUrl: `ws://127.0.0.1:${port}/collab`,
    origin: `http://127.0.0.1:${port}`,
    async close() {
      collaboration.shutdown();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await documents.close();
      await db.destroy();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface TestUser {
  id: string;
  name: string;
  /** The Cookie header of a session of theirs. */
  cookie: string;
  sessionId: string;
}

/** A user with a live session; the password hash is never checked here. */
export async function addUser(services: Services, name: string): Promise<TestUser> {
  const id = newId();
  await services.db
    .insertInto("users")
    .values({ id, email: `${name}-${id}@unit.test`, name, password_hash: "not-checked", locale: null, created_at: Date.now() })
    .execute();
  const { token } = await createSession(services.db, id);
  return { id, name, cookie: `session=${token}`, sessionId: sessionIdFromToken(token) };
}

/** A negotiation with these members and a stored schedule (by default one section of two clauses). */
export async function addNegotiation(
  services: Services,
  members: { user: TestUser; role: Role; isOwner?: boolean }[],
  schedule: ScheduleTemplate = {
    sections: [
      {
        heading: "Security",
        clauses: [
          { heading: "Encryption", requirement: null, body: ["Data is encrypted at rest."] },
          { heading: "Logging", requirement: null, body: ["Security events are logged."] },
        ],
      },
    ],
  },
): Promise<string> {
  const negotiationId = await createNegotiation(services.db, {
    title: "Unit test negotiation",
    buyerOrg: "Buyer Ltd",
    supplierOrg: "Supplier BV",
    createdBy: members[0]!.user.id,
    members: members.map((m) => ({ userId: m.user.id, role: m.role, isOwner: m.isOwner })),
  });
  services.documents.create(negotiationId, buildScheduleDoc(schedule));
  return negotiationId;
}
