import * as Y from "yjs";
import type { WebsocketProvider } from "y-websocket";
import { heartbeatIntervalMs, heartbeatProbe, heartbeatTimeoutMs, readHeartbeatAnswer } from "../../../shared/collaboration/heartbeat";
import { CustomMessage } from "../../../shared/collaboration/messages";
import type { UnsentChanges } from "./unsentChanges";

const checkEveryMs = 250;
/** A change is confirmed this soon after the previous probe at the earliest: typing sends few probes. */
const probeGapMs = 250;
const maxBackoffMs = 5000;
/**
 * Round trips remembered: a socket is dead after twice the slowest of them (at least
 * heartbeatTimeoutMs). A socket found dead counts as a round trip of the time it was given, so a
 * server too slow for that gets twice as long on the next socket.
 */
const roundTripsKept = 10;
const maxTimeoutMs = 8000;

/**
 * Proves the collaboration socket works, and has the server confirm this device's changes
 * (docs/decisions/018-connection-heartbeat.md). y-websocket alone notices a dead socket only after
 * 30 s without any message, and Chromium keeps a socket "open" when the network goes away.
 */
export class SocketHeartbeat {
  private probe: { sentAt: number; countAtProbe: number } | null = null;
  private lastProbeAt = 0;
  private lastCheckAt = Date.now();
  private failures = 0;
  private readonly roundTrips: number[] = [];
  private reconnectTimer: ReturnType<typeof setTimeout> | null = null;
  private soonTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly checkTimer: ReturnType<typeof setInterval>;

  constructor(
    private readonly provider: WebsocketProvider,
    private readonly unsent: UnsentChanges,
    /** False once the server closed for good (44xx): then nothing reconnects. */
    private readonly mayReconnect: () => boolean,
    private readonly changed: () => void,
  ) {
    provider.messageHandlers[CustomMessage.heartbeat] = (_encoder, decoder) => this.answered(readHeartbeatAnswer(decoder));
    provider.on("sync", this.synced);
    provider.on("status", this.socketChanged);
    addEventListener("online", this.online);
    addEventListener("offline", this.offline);
    this.checkTimer = setInterval(this.check, checkEveryMs);
    if (!navigator.onLine) this.offline();
  }

  /** A change was made here: have it confirmed soon rather than at the next beat. */
  localChange() {
    if (this.probe || this.soonTimer) return;
    this.soonTimer = setTimeout(
      () => {
        this.soonTimer = null;
        this.send();
      },
      Math.max(0, this.lastProbeAt + probeGapMs - Date.now()),
    );
  }

  destroy() {
    clearInterval(this.checkTimer);
    for (const timer of [this.reconnectTimer, this.soonTimer]) if (timer) clearTimeout(timer);
    removeEventListener("online", this.online);
    removeEventListener("offline", this.offline);
    this.provider.off("sync", this.synced);
    this.provider.off("status", this.socketChanged);
  }

  private check = () => {
    const now = Date.now();
    // A check that runs late (a busy main thread, a background tab) may not have seen the answer that is already waiting.
    const late = now - this.lastCheckAt > checkEveryMs * 3;
    this.lastCheckAt = now;
    if (!this.provider.wsconnected) {
      this.probe = null;
      return;
    }
    if (!this.probe) {
      if (now - this.lastProbeAt >= heartbeatIntervalMs) this.send();
      return;
    }
    // Any message proves the socket lives: a busy server may answer late behind a long sync.
    const heardFrom = Math.max(this.probe.sentAt, this.provider.wsLastMessageReceived);
    if (!late && now - heardFrom >= this.timeoutMs()) this.dead();
  };

  /**
   * A loaded server or a slow network answers in seconds, not milliseconds: it gets more time, so
   * that a working connection is not dropped and reopened again and again. A fast one is judged fast.
   */
  private timeoutMs(): number {
    // Until a socket has synced, the indicator does not call it live anyway: a slow first sync must not cost it.
    if (!this.provider.synced) return maxTimeoutMs;
    return Math.min(maxTimeoutMs, Math.max(heartbeatTimeoutMs, 2 * Math.max(0, ...this.roundTrips)));
  }

  private send() {
    const ws = this.provider.ws;
    if (this.probe || !this.provider.wsconnected || !ws || ws.readyState !== ws.OPEN) return;
    const countAtProbe = this.unsent.count;
    // Only changes need the (larger) state vector; without any, the answer just proves the socket works.
    ws.send(heartbeatProbe(countAtProbe > 0 ? Y.encodeStateVector(this.provider.doc) : undefined));
    this.probe = { sentAt: Date.now(), countAtProbe };
    this.lastProbeAt = this.probe.sentAt;
  }

  private answered(holdsAll: boolean) {
    const probe = this.probe;
    this.probe = null;
    this.failures = 0;
    if (probe) this.remember(Date.now() - probe.sentAt);
    if (probe && holdsAll) this.unsent.confirmed(probe.countAtProbe);
    this.changed();
    // Typed while the probe was on its way. (A server that lacks something waits for the next beat.)
    if (holdsAll && this.unsent.count > 0) this.localChange();
  }

  /** After a (re)connection's sync everything this device had is on its way: confirm it now. */
  private synced = (isSynced: boolean) => {
    if (isSynced) this.send();
  };

  /** A probe belongs to its socket: the next one would never answer it. */
  private socketChanged = () => {
    this.probe = null;
  };

  private dead() {
    if (this.provider.synced) this.remember(this.timeoutMs());
    this.probe = null;
    this.provider.disconnect();
    this.failures += 1;
    this.clearReconnect();
    this.reconnectTimer = setTimeout(
      () => {
        this.reconnectTimer = null;
        if (navigator.onLine && this.mayReconnect()) this.provider.connect();
      },
      Math.min(maxBackoffMs, 250 * 2 ** (this.failures - 1)),
    );
    this.changed();
  }

  private offline = () => {
    this.clearReconnect();
    this.probe = null;
    this.provider.disconnect();
    this.changed();
  };

  private online = () => {
    this.failures = 0;
    this.clearReconnect();
    if (this.mayReconnect()) this.provider.connect();
    this.changed();
  };

  private remember(roundTripMs: number) {
    this.roundTrips.push(roundTripMs);
    if (this.roundTrips.length > roundTripsKept) this.roundTrips.shift();
  }

  private clearReconnect() {
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    this.reconnectTimer = null;
  }
}
