import * as Y from "yjs";
import { WebsocketProvider } from "y-websocket";
import { IndexeddbPersistence } from "y-indexeddb";
import * as decoding from "lib0/decoding";
import { CloseCode, collaborationPath } from "../../../shared/collaboration/closeCodes";
import { CustomMessage } from "../../../shared/collaboration/messages";
import type { ThreadView } from "../../../shared/threads";
import type { AgreementSnapshot } from "../../../shared/agreements/snapshot";
import type { PresenceUser } from "../../../shared/collaboration/presence";
import type { LiveSession } from "../../../shared/moderatedSessions/sessions";
import { connectionState, type ConnectionState } from "./connectionState";
import { SocketHeartbeat } from "./socketHeartbeat";
import { UnsentChanges } from "./unsentChanges";

export type { ConnectionState };
import { signalNotification } from "../notifications/notificationSignal";

/** Listeners of one kind of event; adding one returns how to remove it. */
class Listeners<Args extends unknown[]> {
  private readonly set = new Set<(...args: Args) => void>();
  add(listener: (...args: Args) => void): () => void {
    this.set.add(listener);
    return () => this.set.delete(listener);
  }
  emit(...args: Args) {
    for (const listener of this.set) listener(...args);
  }
}

/** Close codes after which the server kept none of this device's unsent edits. */
export type RefusedCode = typeof CloseCode.editsRefused | typeof CloseCode.updateRefused | typeof CloseCode.documentTooLarge;

/**
 * The browser's side of one negotiation's document: a Y.Doc kept in IndexedDB (so offline edits
 * survive a reload) and synced with the server over y-websocket. Counts local changes the server
 * has not confirmed, and watches the socket with a heartbeat, for the connection indicator.
 */
export class CollaborationSession {
  readonly doc = new Y.Doc();
  readonly provider: WebsocketProvider;
  private readonly local: IndexeddbPersistence;
  private readonly unsent: UnsentChanges;
  private readonly heartbeat: SocketHeartbeat;
  private everConnected = false;
  private closedWith: number | null = null;
  private readonly stateChanged = new Listeners<[ConnectionState]>();
  private readonly rightsChanged = new Listeners<[]>();
  private readonly threadPushed = new Listeners<[ThreadView]>();
  private readonly resynced = new Listeners<[]>();
  private readonly agreementsPushed = new Listeners<[AgreementSnapshot]>();
  private readonly editsRefused = new Listeners<[RefusedCode]>();
  private readonly activityPushed = new Listeners<[{ auditId: number }]>();
  private readonly changesPushed = new Listeners<[{ changes: unknown }]>();
  private readonly sessionPushed = new Listeners<[LiveSession | null]>();
  /** The live session as last pushed (it may come before anyone listens). */
  private live: LiveSession | null = null;

  constructor(negotiationId: string, userId: string) {
    // Per user: two accounts in one browser profile never share unsent edits.
    const name = `common-ground:${userId}:${negotiationId}`;
    this.local = new IndexeddbPersistence(name, this.doc);
    this.unsent = new UnsentChanges(localStorage, `${name}:unsynced`);
    const url = `${location.protocol === "https:" ? "wss" : "ws"}://${location.host}${collaborationPath}`;
    this.provider = new WebsocketProvider(url, negotiationId, this.doc, { maxBackoffTime: 5000 });
    // A fresh awareness state (clock 0) is ignored by peers; this first change announces us.
    this.provider.awareness.setLocalStateField("cursor", null);
    this.heartbeat = new SocketHeartbeat(
      this.provider,
      this.unsent,
      () => this.closedWith === null,
      () => this.emit(),
    );

    this.doc.on("update", (_update: Uint8Array, origin: unknown) => {
      if (origin === this.provider || origin === this.local) return;
      this.unsent.added();
      this.heartbeat.localChange();
      this.emit();
    });
    this.provider.on("status", () => this.emit());
    this.provider.on("sync", (isSynced: boolean) => {
      if (isSynced) this.everConnected = true;
      if (isSynced) this.resynced.emit();
      this.emit();
    });
    // The server pushes threads and agreement state on the same socket, as message types
    // y-websocket does not use, each carrying JSON.
    const onPush = <T>(type: number, listeners: Listeners<[T]>) => {
      this.provider.messageHandlers[type] = (_encoder, decoder) => listeners.emit(JSON.parse(decoding.readVarString(decoder)) as T);
    };
    onPush(CustomMessage.thread, this.threadPushed);
    onPush(CustomMessage.agreements, this.agreementsPushed);
    onPush(CustomMessage.activity, this.activityPushed);
    onPush(CustomMessage.changes, this.changesPushed);
    this.sessionPushed.add((session) => (this.live = session));
    this.provider.messageHandlers[CustomMessage.session] = (_encoder, decoder) =>
      this.sessionPushed.emit((JSON.parse(decoding.readVarString(decoder)) as { session: LiveSession | null }).session);
    this.provider.messageHandlers[CustomMessage.notification] = () => signalNotification();
    this.provider.on("connection-close", (event: CloseEvent | null) => {
      // 44xx: the server decided, and reconnecting cannot help (y-websocket stops trying).
      if (event && event.code >= 4400 && event.code < 4500) this.closedWith = event.code;
      if (event?.code === CloseCode.rightsChanged) this.rightsChanged.emit();
      // Edits the server did not take (made as the agreement was being signed, or that the
      // schedule cannot hold): nobody else has them, so this copy must go, or it would resend them.
      const code = event?.code;
      if (code === CloseCode.editsRefused || code === CloseCode.updateRefused || code === CloseCode.documentTooLarge) {
        this.unsent.dropped();
        void this.local.clearData().then(() => this.editsRefused.emit(code));
      }
      this.emit();
    });
  }

  state(): ConnectionState {
    return connectionState({
      closedWith: this.closedWith,
      browserOnline: navigator.onLine,
      socketLive: this.provider.wsconnected && this.provider.synced,
      everConnected: this.everConnected,
      unsent: this.unsent.count,
    });
  }

  subscribe(listener: (state: ConnectionState) => void): () => void {
    return this.stateChanged.add(listener);
  }

  onRightsChanged(listener: () => void): () => void {
    return this.rightsChanged.add(listener);
  }

  onThread(listener: (thread: ThreadView) => void): () => void {
    return this.threadPushed.add(listener);
  }

  /** This device's copy was dropped (see CloseCode.editsRefused): start a fresh session. */
  onEditsRefused(listener: (code: RefusedCode) => void): () => void {
    return this.editsRefused.add(listener);
  }

  onAgreements(listener: (snapshot: AgreementSnapshot) => void): () => void {
    return this.agreementsPushed.add(listener);
  }

  /** A move was recorded in the negotiation's activity. */
  onActivity(listener: (entry: { auditId: number }) => void): () => void {
    return this.activityPushed.add(listener);
  }

  /** An owner switched how the negotiation takes edits (the JSON as pushed: check it). */
  onChanges(listener: (pushed: { changes: unknown }) => void): () => void {
    return this.changesPushed.add(listener);
  }

  /** After every (re)connection's sync: what was pushed while offline must be fetched. */
  onResync(listener: () => void): () => void {
    return this.resynced.add(listener);
  }

  private emit() {
    this.stateChanged.emit(this.state());
  }

  /** Everyone here now, one entry per member, from the server-set identities in awareness. */
  /** The negotiation's live session (decision 034): now, and whenever its moderator moves it on. */
  onLiveSession(listener: (session: LiveSession | null) => void): () => void {
    listener(this.live);
    return this.sessionPushed.add(listener);
  }

  /** Tells the others (the moderator) whether this member follows the session's moderator. */
  setFollowing(following: boolean) {
    this.provider.awareness.setLocalStateField("following", following);
  }

  /** The other members who follow the moderator now. */
  followers(): PresenceUser[] {
    const byUser = new Map<string, PresenceUser>();
    for (const [clientId, state] of this.provider.awareness.getStates()) {
      const { user, following } = state as { user?: PresenceUser; following?: boolean };
      if (clientId !== this.doc.clientID && following && user?.userId) byUser.set(user.userId, user);
    }
    return [...byUser.values()];
  }

  presentUsers(): PresenceUser[] {
    const byUser = new Map<string, PresenceUser>();
    for (const [clientId, state] of this.provider.awareness.getStates()) {
      if (clientId === this.doc.clientID) continue;
      const user = (state as { user?: PresenceUser }).user;
      if (user?.userId) byUser.set(user.userId, user);
    }
    return [...byUser.values()];
  }

  destroy() {
    this.heartbeat.destroy();
    this.provider.destroy();
    void this.local.destroy();
    this.doc.destroy();
  }
}
