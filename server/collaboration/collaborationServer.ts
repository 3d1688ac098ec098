import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { WebSocketServer, type WebSocket } from "ws";
import { CloseCode } from "../../shared/collaboration/closeCodes";
import { roleColors } from "../../shared/collaboration/presence";
import { may } from "../../shared/policy";
import * as encoding from "lib0/encoding";
import { CustomMessage } from "../../shared/collaboration/messages";
import { canSeeThread, type ThreadView } from "../../shared/threads";
import type { AgreementSnapshot } from "../../shared/agreements/snapshot";
import type { DB } from "../../db/connection";
import type { Config } from "../config";
import type { Logger } from "../logger";
import { authorizeUpgrade, currentRole } from "./authorizeUpgrade";
import { CollabConnection } from "./connection";
import type { DocumentStore } from "./documentStore";
import type { CollaborationMetrics } from "./metrics";
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
  /** Negotiations whose schedule takes no edits: signed and in force, no amendment round open. */
  private readonly frozen = new Set<string>();
  private readonly heartbeat: NodeJS.Timeout;

  constructor(
    private readonly db: DB,
    private readonly config: Config,
    private readonly logger: Logger,
    readonly metrics: CollaborationMetrics,
    store: DocumentStore,
    options: { heartbeatMs?: number; idleUnloadMs?: number } = {},
  ) {
    const upgrades = upgradeBudgets(config.collabConnectsPerMinute);
    this.memberUpgrades = new TokenBuckets(upgrades.member.burst, upgrades.member.perMinute);
    this.addressUpgrades = new TokenBuckets(upgrades.address.burst, upgrades.address.perMinute);
    this.rooms = new RoomRegistry(store, metrics, logger, config.maxScheduleBytes, options.idleUnloadMs);
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
        if (decision.frozen) this.frozen.add(negotiationId);
        if (!this.memberUpgrades.take(auth.user.id, 1)) return refuse(socket, 429, "Too many new connections for this account. Try again in a minute.");
        if ((this.perUser.get(auth.user.id) ?? 0) >= maxConnectionsPerUser) return refuse(socket, 429, "Too many open connections for this account. Close other tabs.");
        if ((this.perAddress.get(address) ?? 0) >= this.config.collabConnectionsPerAddress) return refuse(socket, 429, "Too many open connections from this address. Try again later.");
        this.wss.handleUpgrade(req, socket, head, (ws) => {
          const room = this.rooms.get(negotiationId);
          const user = { userId: auth.user.id, name: auth.user.name, role, color: roleColors[role] };
          const isFrozen = () => this.frozen.has(negotiationId);
          const spend = (bytes: number) => this.memberBytes.take(auth.user.id, bytes) && this.addressBytes.take(address, bytes);
          // The role's right to edit; whether the agreement is frozen is asked per update (isFrozen), as it changes while connected.
          const conn = new CollabConnection(ws, room, user, auth.sessionId, may(member, "edit"), isFrozen, spend, this.logger, this.metrics);
          count(this.perUser, auth.user.id, +1);
          count(this.perAddress, address, +1);
          this.attach(ws, conn, address);
          room.join(conn);
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
  closeSessions(match: (conn: { sessionId: string; userId: string }) => boolean) {
    for (const room of this.rooms.all()) {
      for (const conn of room.connections) {
        if (match({ sessionId: conn.sessionId, userId: conn.user.userId })) conn.close(CloseCode.unauthenticated, "session ended");
      }
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

  /** Pushes a changed thread to the connections whose member may see it, and to no one else. */
  pushThread(negotiationId: string, thread: ThreadView) {
    this.push(negotiationId, CustomMessage.thread, thread, (conn) => canSeeThread(conn.user.role, thread));
  }

  /**
   * Stops (or resumes) accepting edits at once, for every connection: each asks per update.
   * Synchronous, so the sign-off that checked the text freezes it before another update is handled.
   */
  setFrozen(negotiationId: string, frozen: boolean) {
    if (frozen) this.frozen.add(negotiationId);
    else this.frozen.delete(negotiationId);
  }

  /** Everyone reconnects, and so gets the editing rights that now apply (and the page reloads its data). */
  reconnectAll(negotiationId: string) {
    for (const conn of this.rooms.peek(negotiationId)?.connections ?? []) conn.close(CloseCode.rightsChanged, "agreement state changed");
  }

  /** Agreement state is the same for every member: everyone connected gets it. */
  pushAgreements(negotiationId: string, snapshot: AgreementSnapshot) {
    this.push(negotiationId, CustomMessage.agreements, snapshot, () => true);
  }

  /** One of our own message types, as JSON, to the connections of an open room that may have it. */
  private push(negotiationId: string, type: number, payload: unknown, mayReceive: (conn: CollabConnection) => boolean) {
    const room = this.rooms.peek(negotiationId);
    if (!room) return;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, type);
    encoding.writeVarString(encoder, JSON.stringify(payload));
    const message = encoding.toUint8Array(encoder);
    for (const conn of room.connections) if (mayReceive(conn)) conn.send(message);
  }

  /** Who has the negotiation open right now. */
  onlineUserIds(negotiationId: string): Set<string> {
    return new Set([...(this.rooms.peek(negotiationId)?.connections ?? [])].map((c) => c.user.userId));
  }

  /** Closes every connection (clients reconnect to the next server) and saves every room. */
  shutdown() {
    clearInterval(this.heartbeat);
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
  const reason = { 400: "Bad Request", 401: "Unauthorized", 403: "Forbidden", 404: "Not Found", 429: "Too Many Requests", 500: "Internal Server Error" }[status] ?? "Error";
  const body = JSON.stringify({ error: message });
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}
