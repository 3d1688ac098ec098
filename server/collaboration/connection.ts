import * as Y from "yjs";
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import * as awarenessProtocol from "y-protocols/awareness";
import * as syncProtocol from "y-protocols/sync";
import { WebSocket } from "ws";
import type { PresenceUser } from "../../shared/collaboration/presence";
import { CloseCode } from "../../shared/collaboration/closeCodes";
import { heartbeatAnswer, holdsStateVector, readHeartbeatProbe } from "../../shared/collaboration/heartbeat";
import { CustomMessage } from "../../shared/collaboration/messages";
import type { Logger } from "../logger";
import { AwarenessRejected, rewriteAwarenessUpdate, type AwarenessSender } from "./awarenessIdentity";
import { MessageType } from "./messageType";
import type { Room } from "./room";
import { hasMissingDependencies } from "./missingDependencies";
import { partlyKnownProblem } from "./partlyKnownStructs";
import { perConnectionMessages, TokenBucket } from "./tokenBuckets";
import { updateProblem } from "./updateSchema";

/** A client that does not read its messages must not make us buffer without end. */
const maxBufferedBytes = 16 * 1024 * 1024;

/** Updates with missing dependencies tolerated in a row before the connection is closed. */
const maxMissingInARow = 8;

class ProtocolError extends Error {}

/** One browser tab (or bot) in one room, authenticated as one member with one role. */
export class CollabConnection {
  readonly clientIds = new Set<number>();
  alive = true;
  private readonly messages = new TokenBucket(perConnectionMessages.burst, perConnectionMessages.perMinute);
  /** Who sends this connection's awareness updates, as the server knows them. */
  private readonly awarenessSender: AwarenessSender;
  private missingInARow = 0;

  constructor(
    readonly socket: WebSocket,
    readonly room: Room,
    readonly user: PresenceUser,
    readonly sessionId: string,
    /** Whether the member's role edits at all (observers do not). */
    readonly canEdit: boolean,
    /** Asked per update: a negotiation can freeze (sign-off) while a member is connected. */
    private readonly isFrozen: () => boolean,
    /** Takes a message's bytes from the member's and the address's budgets; false when spent. */
    private readonly spend: (bytes: number) => boolean,
    private readonly logger: Logger,
  ) {
    this.awarenessSender = { user, canEdit, owns: (id) => room.owns(this, id) };
  }

  send(message: Uint8Array) {
    if (this.socket.readyState !== WebSocket.OPEN) return;
    if (this.socket.bufferedAmount > maxBufferedBytes) {
      this.logger.warn({ userId: this.user.userId }, "collaboration client too slow, dropping it");
      this.socket.terminate();
      return;
    }
    this.socket.send(message);
  }

  close(code: number, reason: string) {
    if (this.socket.readyState === WebSocket.OPEN || this.socket.readyState === WebSocket.CONNECTING) this.socket.close(code, reason);
  }

  handleMessage(data: Uint8Array) {
    if (this.socket.readyState !== WebSocket.OPEN) return; // closing: the room may already be saved
    if (!this.messages.take(1)) {
      this.reject(CloseCode.rateLimited, "too many messages; reconnect in a moment");
      return;
    }
    if (!this.spend(data.byteLength)) {
      this.reject(CloseCode.rateLimited, "too much data in a short time; reconnect in a minute");
      return;
    }
    try {
      this.dispatch(data);
    } catch (error) {
      const reason = error instanceof ProtocolError || error instanceof AwarenessRejected ? error.message : "undecodable message";
      this.logger.warn({ err: error, userId: this.user.userId, negotiationId: this.room.negotiationId }, `collaboration message rejected: ${reason}`);
      this.reject(CloseCode.malformedMessage, reason);
    }
  }

  private reject(code: number, reason: string) {
    this.close(code, reason.slice(0, 120));
  }

  private dispatch(data: Uint8Array) {
    const decoder = decoding.createDecoder(data);
    const type = decoding.readVarUint(decoder);
    switch (type) {
      case MessageType.sync:
        this.handleSync(decoder);
        break;
      case MessageType.awareness: {
        const update = decoding.readVarUint8Array(decoder);
        const rewritten = rewriteAwarenessUpdate(update, this.awarenessSender, this.room.doc);
        if (rewritten) awarenessProtocol.applyAwarenessUpdate(this.room.awareness, rewritten, this);
        break;
      }
      case MessageType.queryAwareness:
        this.send(this.room.awarenessMessage([...this.room.awareness.getStates().keys()]));
        break;
      case CustomMessage.heartbeat:
        // Messages are handled in order, so the answer also says every update sent before it was
        // dealt with. Probes pass the same budgets as every message: an honest browser sends one
        // a second, 1% of the message rate, and a few bytes (a state vector while it has unconfirmed changes).
        this.send(heartbeatAnswer(holdsStateVector(this.room.doc, readHeartbeatProbe(decoder))));
        break;
      default:
        throw new ProtocolError(`unknown message type ${type}`);
    }
    if (decoder.pos !== data.length) throw new ProtocolError("trailing bytes after message");
  }

  private handleSync(decoder: decoding.Decoder) {
    const step = decoding.readVarUint(decoder);
    if (step === syncProtocol.messageYjsSyncStep1) {
      const stateVector = decoding.readVarUint8Array(decoder);
      Y.decodeStateVector(stateVector); // throws on garbage before we compute a reply from it
      if (decoder.pos !== decoder.arr.length) throw new ProtocolError("trailing bytes after message");
      const reply = encoding.createEncoder();
      encoding.writeVarUint(reply, MessageType.sync);
      syncProtocol.writeSyncStep2(reply, this.room.doc, stateVector);
      this.send(encoding.toUint8Array(reply));
      return;
    }
    if (step !== syncProtocol.messageYjsSyncStep2 && step !== syncProtocol.messageYjsUpdate) {
      throw new ProtocolError(`unknown sync step ${step}`);
    }
    const update = decoding.readVarUint8Array(decoder);
    if (!this.canEdit) {
      // Read-only members still complete the handshake, but what they send never lands.
      return;
    }
    const decoded = Y.decodeUpdate(update); // a full parse first: a broken update must not reach the shared document
    const problem = updateProblem(decoded);
    if (problem) return this.refuse(CloseCode.updateRefused, `update does not fit the schedule: ${problem}`);
    const store = this.room.doc.store;
    if (hasMissingDependencies(decoded, store)) return this.askForMissing();
    const misplaced = partlyKnownProblem(decoded, this.room.doc);
    if (misplaced) return this.refuse(CloseCode.updateRefused, misplaced);
    if (this.isFrozen()) {
      // An editor whose text lost the race against a sign-off: tell it, so it does not keep (and
      // later resend) edits nobody else has. An empty sync reply changes nothing and is fine.
      if (decoded.structs.length > 0 || decoded.ds.clients.size > 0)
        this.close(CloseCode.editsRefused, "the agreement is signed; these edits were not applied");
      return;
    }
    const verdict = this.room.guard.admit(update, decoded, this.room.proposals.rulesFor(this.user));
    if (!verdict.ok) return this.refuse(verdict.tooLarge ? CloseCode.documentTooLarge : CloseCode.updateRefused, verdict.reason);
    // Recorded before anyone else has the marks: from here on the ids are this member's.
    if (verdict.proposals.length > 0 && !this.room.proposals.record(verdict.proposals, this.user)) {
      this.room.guard.forget();
      return this.refuse(CloseCode.updateRefused, "the proposals could not be recorded; try again");
    }
    // Only new content clears the count: an answer to our sync step 1 that brings nothing we lack
    // (it still repeats the sender's deletions) is no progress.
    const bringsNew = decoded.structs.some((struct) => struct.id.clock + struct.length > Y.getState(store, struct.id.client));
    if (bringsNew) this.missingInARow = 0;
    this.room.applyAdmitted(update, verdict.copies, this);
  }

  /** Refused edits: the browser drops its local copy (it holds changes no one else will get). */
  private refuse(code: number, reason: string) {
    this.logger.warn({ userId: this.user.userId, negotiationId: this.room.negotiationId, code }, `collaboration update refused: ${reason}`);
    this.reject(code, reason);
  }

  /**
   * An update that builds on changes we do not have is dropped, never kept pending. An honest
   * client gets there when its own updates overtake what it synced from another tab; a sync step 1
   * makes it send everything we lack. One that keeps doing it is not honest.
   */
  private askForMissing() {
    if (++this.missingInARow > maxMissingInARow) return this.reject(CloseCode.malformedMessage, "updates keep building on changes the server does not have");
    const request = encoding.createEncoder();
    encoding.writeVarUint(request, MessageType.sync);
    syncProtocol.writeSyncStep1(request, this.room.doc);
    this.send(encoding.toUint8Array(request));
  }
}
