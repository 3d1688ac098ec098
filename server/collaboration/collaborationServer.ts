import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { WebSocketServer, type WebSocket } from "ws";
import { CloseCode } from "../../shared/collaboration/closeCodes";
import { roleColors, type PresenceUser } from "../../shared/collaboration/presence";
import { may } from "../../shared/policy";
import * as encoding from "lib0/encoding";
import * as Y from "yjs";
import { scheduleFragmentName } from "../../shared/editor/schema";
import type { DB } from "../../db/connection";
import { negotiationState } from "../../db/queries/negotiations";
import type { Config } from "../config";
import type { Logger } from "../logger";
import { onSessionsEnded } from "../auth/sessionEndings";
import { authorizeUpgrade, currentRole } from "./authorizeUpgrade";
import { CollabConnection } from "./connection";
import type { DocumentStore } from "./documentStore";
import type { ProposalStatements } from "../../db/queries/proposals";
import type { ChangesMode } from "../../shared/proposals/proposals";
import { CustomMessage, type CustomMessageType } from "../../shared/collaboration/messages";
import type { EditWatcher } from "./room";
import { RoomRegistry } from "./roomRegistry";
import { perAddressBytes, perMemberBytes, TokenBuckets, upgradeBudgets } from "./tokenBuckets";
import proxyaddr from "proxy-addr";
import { proxyTrust } from "../http/trustProxy";

export const maxMessageBytes = 2 * 1024 * 1024;
export const maxConnectionsPerUser = 20;
const heartbeatMs = 30_000;

/** The WebSocket side of the server: y-websocket protocol on /collab/:negotiationId. */
export class CollaborationServer {
  readonly rooms: RoomRegistry;
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: maxMessageBytes, perMessageDeflate: false });
  private readonly perUser = new Map<string, number>();
  private readonly perAddress = new Map<string, number>();
  private readonly memberBytes = new TokenBuckets(perMemberBytes.burst, perMemberBytes.perMinute);
  private readonly addressBytes = new TokenBuckets(perAddressBytes.burst, perAddressBytes.perMinute);
  private readonly memberUpgrades: TokenBuckets;
  private readonly addressUpgrades: TokenBuckets;
  /**
   * Negotiations whose schedule takes no edits (negotiationState's `frozen`), as last read: on each
   * upgrade, and after each change (followFrozenState). Every update asks, so a set, not a query.
   */
  private readonly frozen = new Set<string>();
  private readonly heartbeat: NodeJS.Timeout;
  private stopping = false;
  private readonly stopListening = onSessionsEnded((sessionIds) => this.closeSessions(sessionIds));

  constructor(
    private readonly db: DB,
    private readonly config: Config,
    private readonly logger: Logger,
    store: DocumentStore,
    proposals: ProposalStatements,
    private readonly options: {
      heartbeatMs?: number;
      idleUnloadMs?: number;
      editWatcher?: EditWatcher;
      /** What a connection is told as it joins, beside the document (the live session, decision 034). */
      greeting?: (negotiationId: string) => Promise<{ type: CustomMessageType; payload: unknown } | null>;
      /** A member's first connection to a negotiation opened, or their last one closed (session attendance, decision 036). */
      presence?: (negotiationId: string, userId: string, present: boolean) => void;
    } = {},
  ) {
    const upgrades = upgradeBudgets(config.collabConnectsPerMinute);
    this.memberUpgrades = new TokenBuckets(upgrades.member.burst, upgrades.member.perMinute);
    this.addressUpgrades = new TokenBuckets(upgrades.address.burst, upgrades.address.perMinute);
    const edits = options.editWatcher && { watcher: options.editWatcher, quietMs: config.editQuietMs };
    this.rooms = new RoomRegistry(store, proposals, logger, config.maxScheduleBytes, options.idleUnloadMs, edits);
    this.heartbeat = setInterval(() => void this.checkConnections(), options.heartbeatMs ?? heartbeatMs);
    this.heartbeat.unref();
  }

  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer) {
    // Attached first: a reset during the handshake would otherwise be an unhandled 'error'.
    socket.on("error", (error) => this.logger.debug({ err: error }, "upgrade socket error"));
    const address = clientAddress(req, this.config.trustProxy);
    // Before any work: the session lookup and the first sync are what a reconnect flood costs.
    if (!this.addressUpgrades.take(address, 1)) return refuse(socket, 429, "Too many new connections from this address. Try again in a minute.");
    authorizeUpgrade(req, this.db, this.config)
      .then((decision) => {
        if (!decision.ok) return refuse(socket, decision.status, decision.message);
        const { auth, member, negotiationId } = decision;
        const role = member.role;
        this.noteFrozen(negotiationId, decision.frozen);
        if (!this.memberUpgrades.take(auth.user.id, 1)) return refuse(socket, 429, "Too many new connections for this account. Try again in a minute.");
        if ((this.perUser.get(auth.user.id) ?? 0) >= maxConnectionsPerUser)
          return refuse(socket, 429, "Too many open connections for this account. Close other tabs.");
        if ((this.perAddress.get(address) ?? 0) >= this.config.collabConnectionsPerAddress)
          return refuse(socket, 429, "Too many open connections from this address. Try again later.");
        this.wss.handleUpgrade(req, socket, head, (ws) => {
          const room = this.rooms.get(negotiationId);
          const user = { userId: auth.user.id, name: auth.user.name, role, color: roleColors[role] };
          const isFrozen = () => this.frozen.has(negotiationId);
          const spend = (bytes: number) => this.memberBytes.take(auth.user.id, bytes) && this.addressBytes.take(address, bytes);
          // The role's right to edit; whether the agreement is frozen is asked per update (isFrozen), as it changes while connected.
          const conn = new CollabConnection(ws, room, user, auth.sessionId, may(member, "edit"), isFrozen, spend, this.logger);
          count(this.perUser, auth.user.id, +1);
          count(this.perAddress, address, +1);
          this.attach(ws, conn, address);
          const arriving = !this.isConnected(room.connections, user.userId);
          room.join(conn);
          if (arriving) this.options.presence?.(negotiationId, user.userId, true);
          this.greet(negotiationId, conn);
        });
      })
      .catch((error) => {
        this.logger.error({ err: error }, "collaboration upgrade failed");
        refuse(socket, 500, "Internal error.");
      });
  }

  private attach(ws: WebSocket, conn: CollabConnection, address: string) {
    ws.on("message", (data: Buffer, isBinary: boolean) => {
      if (!isBinary) return conn.close(CloseCode.malformedMessage, "text frames are not part of the protocol");
      conn.handleMessage(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
    });
    ws.on("pong", () => (conn.alive = true));
    ws.on("error", (error) => this.logger.debug({ err: error }, "collaboration socket error"));
    ws.on("close", () => {
      count(this.perUser, conn.user.userId, -1);
      count(this.perAddress, address, -1);
      conn.room.leave(conn);
      // Once stopping, the store is closing: the shutdown ends everyone's attendance itself.
      if (!this.stopping && !this.isConnected(conn.room.connections, conn.user.userId))
        this.options.presence?.(conn.room.negotiationId, conn.user.userId, false);
      this.rooms.released(conn.room);
    });
  }

  /**
   * Drops dead peers, and closes connections whose session ended or whose rights changed. The
   * database calls resolve as microtasks (better-sqlite3 is synchronous), so without yielding to
   * the event loop between connections a thousand rechecks would hold up everyone's updates.
   */
  private async checkConnections() {
    for (const budget of [this.memberBytes, this.addressBytes, this.memberUpgrades, this.addressUpgrades]) budget.prune();
    for (const room of this.rooms.all()) {
      for (const conn of [...room.connections]) {
        if (!conn.alive) {
          conn.socket.terminate();
          continue;
        }
        conn.alive = false;
        conn.socket.ping();
        await this.recheck(conn);
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
  }

  async recheck(conn: CollabConnection) {
    const now = await currentRole(this.db, conn.sessionId, conn.room.negotiationId, conn.user.userId);
    if (!now.session) conn.close(CloseCode.unauthenticated, "session ended");
    else if (!now.role) conn.close(CloseCode.forbidden, "no longer a member");
    else if (now.role !== conn.user.role) conn.close(CloseCode.rightsChanged, "role changed");
  }

  /** Logging out (or being signed out) ends that session's live connections at once. */
  private closeSessions(sessionIds: readonly string[]) {
    const ended = new Set(sessionIds);
    for (const room of this.rooms.all()) {
      for (const conn of room.connections) if (ended.has(conn.sessionId)) conn.close(CloseCode.unauthenticated, "session ended");
    }
  }

  /** A member's rights changed or ended: their connections to that negotiation close at once. */
  revokeAccess(negotiationId: string, userId: string, code: number) {
    const room = this.rooms.peek(negotiationId);
    if (!room) return;
    for (const conn of room.connections) {
      if (conn.user.userId === userId) conn.close(code, code === CloseCode.forbidden ? "no longer a member" : "role changed");
    }
  }

  /**
   * After a committed change to whether the schedule is frozen (server/agreements/frozenState.ts):
   * every connection stops (or resumes) taking edits at once, as each asks per update; when it did
   * change, everyone reconnects.
   */
  async followFrozenState(negotiationId: string) {
    const { frozen } = await negotiationState(this.db, negotiationId);
    if (frozen === this.frozen.has(negotiationId)) return;
    this.noteFrozen(negotiationId, frozen);
    this.reconnectAll(negotiationId);
  }

  private noteFrozen(negotiationId: string, frozen: boolean) {
    if (frozen) this.frozen.add(negotiationId);
    else this.frozen.delete(negotiationId);
  }

  /** Everyone reconnects, and so gets the editing rights that now apply (and the page reloads its data). */
  private reconnectAll(negotiationId: string) {
    for (const conn of this.rooms.peek(negotiationId)?.connections ?? []) conn.close(CloseCode.rightsChanged, "agreement state changed");
  }

  /**
   * After a committed change of how the negotiation takes edits: the open room judges the next
   * update by it, and every browser learns it (to switch its editor into proposing or out).
   */
  followChangesMode(negotiationId: string, mode: ChangesMode) {
    const room = this.rooms.peek(negotiationId);
    if (room) room.proposals.mode = mode;
    this.push(negotiationId, CustomMessage.changes, { changes: mode }, () => true);
  }

  /**
   * The server's own edit of a schedule (a decided proposal): one transaction on the room's
   * document (loaded for it if nobody has it open), which the room stores and sends to everyone.
   */
  edit<T>(negotiationId: string, write: (fragment: Y.XmlFragment) => T): T {
    const room = this.rooms.get(negotiationId);
    try {
      let result!: T;
      Y.transact(room.doc, () => (result = write(room.doc.getXmlFragment(scheduleFragmentName))), this);
      return result;
    } finally {
      this.rooms.released(room);
    }
  }

  /** After a clause decision or a decided proposal: the open room learns which clauses both parties agreed. */
  followAgreements(negotiationId: string) {
    this.rooms.peek(negotiationId)?.proposals.followAgreements();
  }

  /**
   * One of our own message types, as JSON, to the connections of an open room whose member may
   * have it. Who may have what is the pushing domain's rule, not the socket layer's.
   */
  push(negotiationId: string, type: CustomMessageType, payload: unknown, mayReceive: (member: PresenceUser) => boolean) {
    const room = this.rooms.peek(negotiationId);
    if (!room) return;
    const message = customMessage(type, payload);
    for (const conn of room.connections) if (mayReceive(conn.user)) conn.send(message);
  }

  private greet(negotiationId: string, conn: CollabConnection) {
    this.options
      .greeting?.(negotiationId)
      .then((greeting) => greeting && conn.send(customMessage(greeting.type, greeting.payload)))
      .catch((error) => this.logger.error({ err: error, negotiationId }, "greeting a connection failed"));
  }

  private isConnected(connections: Iterable<CollabConnection>, userId: string): boolean {
    for (const c of connections) if (c.user.userId === userId) return true;
    return false;
  }

  /** Who has the negotiation open right now. */
  onlineUserIds(negotiationId: string): Set<string> {
    return new Set([...(this.rooms.peek(negotiationId)?.connections ?? [])].map((c) => c.user.userId));
  }

  /** Closes every connection (clients reconnect to the next server) and saves every room. */
  shutdown() {
    this.stopping = true;
    clearInterval(this.heartbeat);
    this.stopListening();
    for (const room of this.rooms.all()) for (const conn of room.connections) conn.close(CloseCode.goingAway, "server restarting");
    this.rooms.unloadAll();
    this.wss.close();
  }
}

function count(counts: Map<string, number>, key: string, change: 1 | -1) {
  const next = (counts.get(key) ?? 0) + change;
  if (next > 0) counts.set(key, next);
  else counts.delete(key);
}

/** The client's address as the HTTP side sees it: X-Forwarded-For only from our own proxies. */
function clientAddress(req: IncomingMessage, trust: Config["trustProxy"]): string {
  return proxyaddr(req, proxyTrust(trust));
}

function refuse(socket: Duplex, status: number, message: string) {
  const reason =
    { 400: "Bad Request", 401: "Unauthorized", 403: "Forbidden", 404: "Not Found", 429: "Too Many Requests", 500: "Internal Server Error" }[status] ?? "Error";
  const body = JSON.stringify({ error: message });
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}

function customMessage(type: CustomMessageType, payload: unknown): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, type);
  encoding.writeVarString(encoder, JSON.stringify(payload));
  return encoding.toUint8Array(encoder);
}
