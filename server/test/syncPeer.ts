import * as Y from "yjs";
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import * as syncProtocol from "y-protocols/sync";
import { WebSocket } from "ws";
import { collaborationPath } from "../../shared/collaboration/closeCodes";
import { heartbeatProbe, readHeartbeatAnswer } from "../../shared/collaboration/heartbeat";
import { CustomMessage } from "../../shared/collaboration/messages";
import { scheduleFragmentName } from "../../shared/editor/schema";
import { MessageType } from "../collaboration/messageType";
import { perConnectionMessages } from "../collaboration/tokenBuckets";

export interface Closed {
  code: number;
  reason: string;
}

/** Stays below the server's per-connection budget, so only the test's own floods are refused. */
const pace = { perSecond: (perConnectionMessages.perMinute / 60) * 0.8, burst: perConnectionMessages.burst * 0.75 };

/**
 * A y-websocket peer over a bare socket, for tests that must see exactly what happens on the wire:
 * when the server closes it (and with which code), when the server has processed everything it
 * sent (roundTrip, barrier), and frames no honest client would send. It syncs its
 * Y.Doc like y-websocket's provider, paces itself under the server's message rate limit and never
 * reconnects on its own.
 */
export class SyncPeer {
  readonly fragment: Y.XmlFragment;
  closed: Closed | null = null;
  /** Sync step 1 messages from the server: one at the handshake, then one per "send me what I miss". */
  serverSyncRequests = 0;
  /** Whether the peer answers the server's sync step 1 with what it has, as y-websocket does. */
  answersSyncRequests = true;
  /** Messages from the server this peer could not apply: an honest client would be broken by them. */
  readonly errors: Error[] = [];
  readonly whenClosed: Promise<Closed>;
  /** Sync step 2 answers to our sync step 1 messages. */
  private readonly syncAnswers = new Answers();
  /** Presence answers to our presence queries. */
  private readonly presenceAnswers = new Answers();
  /** Heartbeat answers (whether the server holds the probe's state vector), in order. */
  private readonly heartbeatAnswers: boolean[] = [];
  private readonly heartbeatArrivals = new Answers();
  private heartbeatsSent = 0;
  private outbox: (Uint8Array | string)[] = [];
  private tokens = pace.burst;
  private lastRefill = Date.now();
  private pumpTimer: NodeJS.Timeout | null = null;

  private constructor(
    readonly socket: WebSocket,
    readonly doc: Y.Doc,
    readonly label: string,
  ) {
    this.fragment = doc.getXmlFragment(scheduleFragmentName);
    this.whenClosed = new Promise((resolve) =>
      socket.on("close", (code, reason) => {
        this.closed = { code, reason: reason.toString() };
        if (this.pumpTimer) clearTimeout(this.pumpTimer);
        const error = new Error(`${label} was closed with ${code} (${this.closed.reason})`);
        this.syncAnswers.fail(error);
        this.presenceAnswers.fail(error);
        this.heartbeatArrivals.fail(error);
        resolve(this.closed);
      }),
    );
    socket.on("message", (data: Buffer) => this.receive(new Uint8Array(data.buffer, data.byteOffset, data.byteLength)));
    doc.on("update", (update: Uint8Array, origin: unknown) => {
      if (origin !== this) this.sendUpdate(update);
    });
  }

  /** Opens the socket as `cookie`'s member and resolves once the document is in sync. */
  static async connect(baseUrl: string, negotiationId: string, cookie: string, options: { label?: string; clientId?: number } = {}): Promise<SyncPeer> {
    const doc = new Y.Doc();
    if (options.clientId !== undefined) doc.clientID = options.clientId;
    const url = `${baseUrl.replace(/^http/, "ws")}${collaborationPath}/${negotiationId}`;
    const socket = new WebSocket(url, { headers: { Cookie: cookie, Origin: baseUrl } });
    await new Promise<void>((resolve, reject) => {
      socket.once("open", () => resolve());
      socket.once("unexpected-response", (_req, res) => reject(new Error(`upgrade refused with HTTP ${res.statusCode}`)));
      socket.once("error", reject);
    });
    socket.on("error", () => undefined); // a reset after a close frame is no news; `closed` says what happened
    const peer = new SyncPeer(socket, doc, options.label ?? "peer");
    await peer.roundTrip();
    return peer;
  }

  get open(): boolean {
    return this.closed === null && this.socket.readyState === WebSocket.OPEN;
  }

  /**
   * Asks the server for what this peer misses and waits for the answer. The server handles a
   * connection's messages in order, so when the answer arrives it has processed everything this
   * peer sent before, and the peer has everything the server had at that moment.
   */
  roundTrip(): Promise<void> {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MessageType.sync);
    syncProtocol.writeSyncStep1(encoder, this.doc);
    return this.sendExpectingReplies(encoding.toUint8Array(encoder), 1);
  }

  /**
   * Like roundTrip, but the answer carries no document data: when it arrives the server has
   * processed everything this peer sent, and this peer has received every update the server sent
   * it before, so what the peer holds came by the server's own broadcasts. The answer is a presence
   * message, so this is only exact while no one else sends presence.
   */
  barrier(): Promise<void> {
    const done = this.presenceAnswers.expect(this.closed);
    this.send(Uint8Array.of(MessageType.queryAwareness));
    return done;
  }

  /** A heartbeat probe, as the browser sends one: resolves with whether the server holds `stateVector`. */
  async heartbeat(stateVector?: Uint8Array): Promise<boolean> {
    const index = this.heartbeatsSent++;
    const answered = this.heartbeatArrivals.expect(this.closed);
    this.send(heartbeatProbe(stateVector));
    await answered;
    return this.heartbeatAnswers[index]!;
  }

  /** Sends a raw frame; `replies` is how many sync step 2 answers the server owes for it. */
  sendExpectingReplies(frame: Uint8Array | string, replies: number): Promise<void> {
    const done = this.syncAnswers.expect(this.closed, replies);
    this.send(frame);
    return done;
  }

  /** A Yjs update as y-websocket sends it: whatever it contains, the doc of this peer is untouched. */
  sendUpdate(update: Uint8Array) {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MessageType.sync);
    syncProtocol.writeUpdate(encoder, update);
    this.send(encoding.toUint8Array(encoder));
  }

  send(frame: Uint8Array | string) {
    if (this.closed) return;
    this.outbox.push(frame);
    this.pump();
  }

  /** A throw-away copy of this peer's document with its own client id, to build updates on. */
  scratchCopy(clientId: number): Y.Doc {
    const copy = new Y.Doc();
    copy.clientID = clientId;
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(this.doc));
    return copy;
  }

  close() {
    if (this.socket.readyState === WebSocket.OPEN || this.socket.readyState === WebSocket.CONNECTING) this.socket.close(1000, "done");
    return this.whenClosed;
  }

  destroy() {
    this.socket.terminate();
    this.doc.destroy();
  }

  private pump() {
    if (this.pumpTimer) return;
    const now = Date.now();
    this.tokens = Math.min(pace.burst, this.tokens + ((now - this.lastRefill) / 1000) * pace.perSecond);
    this.lastRefill = now;
    while (this.outbox.length > 0 && this.tokens >= 1 && this.socket.readyState === WebSocket.OPEN) {
      this.tokens -= 1;
      this.socket.send(this.outbox.shift()!);
    }
    if (this.outbox.length > 0 && this.closed === null) {
      this.pumpTimer = setTimeout(
        () => {
          this.pumpTimer = null;
          this.pump();
        },
        Math.ceil(1000 / pace.perSecond),
      );
    }
  }

  private receive(data: Uint8Array) {
    try {
      const decoder = decoding.createDecoder(data);
      const type = decoding.readVarUint(decoder);
      if (type === MessageType.awareness) this.presenceAnswers.arrived();
      if (type === CustomMessage.heartbeat) {
        this.heartbeatAnswers.push(readHeartbeatAnswer(decoder));
        this.heartbeatArrivals.arrived();
      }
      if (type !== MessageType.sync) return; // presence itself and our pushes are not kept here
      const step = decoding.peekVarUint(decoder);
      const reply = encoding.createEncoder();
      encoding.writeVarUint(reply, MessageType.sync);
      syncProtocol.readSyncMessage(decoder, reply, this.doc, this);
      if (step === syncProtocol.messageYjsSyncStep1) {
        this.serverSyncRequests += 1;
        if (this.answersSyncRequests) this.send(encoding.toUint8Array(reply));
      } else if (step === syncProtocol.messageYjsSyncStep2) {
        this.syncAnswers.arrived();
      }
    } catch (error) {
      this.errors.push(error as Error);
    }
  }
}

/** Counts answers the server owes and resolves each wait once its answer has come. */
class Answers {
  private expected = 0;
  private received = 0;
  private waiters: { target: number; resolve: () => void; reject: (error: Error) => void }[] = [];

  expect(closed: Closed | null, count = 1): Promise<void> {
    this.expected += count;
    const target = this.expected;
    return new Promise((resolve, reject) => {
      if (closed) return reject(new Error(`closed with ${closed.code} (${closed.reason})`));
      if (this.received >= target) return resolve();
      this.waiters.push({ target, resolve, reject });
    });
  }

  arrived() {
    this.received += 1;
    this.waiters = this.waiters.filter((waiter) => (waiter.target <= this.received ? (waiter.resolve(), false) : true));
  }

  fail(error: Error) {
    for (const waiter of this.waiters.splice(0)) waiter.reject(error);
  }
}
