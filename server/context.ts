import type { DB } from "../db/connection";
import type { Config } from "./config";
import type { Logger } from "./logger";
import type { ValidSession } from "./auth/sessions";
import type { CollaborationServer } from "./collaboration/collaborationServer";
import type { DocumentStore } from "./collaboration/documentStore";
import type { Catalogue } from "../shared/knowledge/catalogue";
import type { Mailer } from "./mail/mailer";

/** Long-lived things the server creates once and hands to every request. */
export interface Services {
  db: DB;
  config: Config;
  logger: Logger;
  documents: DocumentStore;
  collaboration: CollaborationServer;
  catalogue: Catalogue;
  mailer: Mailer;
}

/** What Remix loaders and actions receive as `context`. */
// A type alias, not an interface: Remix's AppLoadContext has an index signature that only
// type aliases satisfy implicitly.
export type RequestContext = {
  services: Services;
  /** The session from the cookie, already validated (and renewed) by the server. */
  auth: ValidSession | null;
  cspNonce: string;
  clientIp: string;
  requestId: string;
};
