import * as Y from "yjs";
import * as encoding from "lib0/encoding";
import * as awarenessProtocol from "y-protocols/awareness";
import * as syncProtocol from "y-protocols/sync";
import { MessageType } from "./messageType";
import type { CollabConnection } from "./connection";
import type { DocumentStore } from "./documentStore";
import type { Logger } from "../logger";
import { QuietTimer } from "./quietTimer";
import { ScheduleGuard } from "./scheduleGuard";
import type { ProposalStatements } from "../../db/queries/proposals";
import { ProposalBook } from "./proposalBook";

/** Snapshot after this many updates while a room is open (full compaction happens at unload). */
export const compactEveryUpdates = 500;
/** A room that stays open for days still gets its history merged, after this many updates. */
export const mergeEveryUpdates = 50_000;

/** Who hears of a room's edits once they settle (sign-off voiding, server/activity/signoffVoiding.ts). */
export interface EditWatcher {
  /** A room was loaded: the watcher sets its `watchingEdits` when this room's edits matter to it. */
  loaded(room: Room): void;
  /** A watched room's document changed, and then stayed unchanged for the quiet time. */
  edited(room: Room): void;
}

export interface EditWatch {
  watcher: EditWatcher;
  /** How long a document must go without updates before `edited`: a burst of typing is one call. */
  quietMs: number;
}

/**
 * One negotiation's live document: the Y.Doc everyone edits, who is connected, and their awareness
 * (cursors and presence). Updates from one connection go to every other and to the store.
 */
export class Room {
  readonly awareness: awarenessProtocol.Awareness;
  readonly connections = new Set<CollabConnection>();
  /** Every update from a connection passes this before it reaches `doc`. */
  readonly guard: ScheduleGuard;
  /** How this negotiation takes edits, which clauses only proposals change, and who proposed what. */
  readonly proposals: ProposalBook;
  /**
   * Whether the edit watcher is to hear of this room's edits; it sets and clears this itself. A
   * room nobody watches (no sign-off to void) pays nothing per update for the watching.
   */
  watchingEdits = false;
  private readonly settled: QuietTimer | null;
  private readonly owners = new Map<number, CollabConnection>();
  private updatesSinceCompaction = 0;
  private updatesSinceMerge = 0;
  private compactionTimer: NodeJS.Timeout | null = null;
  /** While an admitted update and the fresh ids for its copies are applied: sent together. */
  private held: { from: CollabConnection; updates: Uint8Array[] } | null = null;

  constructor(
    readonly negotiationId: string,
    readonly doc: Y.Doc,
    private readonly store: DocumentStore,
    proposalStatements: ProposalStatements,
    private readonly logger: Logger,
    maxScheduleBytes: number,
    edits?: EditWatch,
  ) {
    this.guard = new ScheduleGuard(doc, maxScheduleBytes);
    this.proposals = new ProposalBook(negotiationId, proposalStatements, doc);
    this.settled = edits ? new QuietTimer(edits.quietMs, () => edits.watcher.edited(this)) : null;
    this.awareness = new awarenessProtocol.Awareness(doc);
    this.awareness.setLocalState(null);
    doc.on("update", this.onDocUpdate);
    this.awareness.on("update", this.onAwarenessUpdate);
  }

  private onDocUpdate = (update: Uint8Array, origin: unknown) => {
    const from = this.isConnection(origin) ? origin : null;
    if (!from && !this.held) this.guard.mirror(update);
    this.store.append(this.negotiationId, update, from?.user.userId ?? this.held?.from.user.userId ?? null);
    if (this.held) this.held.updates.push(update);
    else this.broadcast(update, from);
    this.updatesSinceMerge += 1;
    if (++this.updatesSinceCompaction >= compactEveryUpdates) this.scheduleCompaction();
    if (this.watchingEdits) this.settled?.touch();
  };

  private broadcast(update: Uint8Array, except: CollabConnection | null) {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MessageType.sync);
    syncProtocol.writeUpdate(encoder, update);
    const message = encoding.toUint8Array(encoder);
    for (const conn of this.connections) if (conn !== except) conn.send(message);
  }

  /**
   * Applies an update the guard admitted. When it copied clauses, the copies get fresh ids at once
   * and everyone, the sender included, receives both as one message: nobody sees two clauses
   * with one id.
   */
  applyAdmitted(update: Uint8Array, copies: Y.ID[], from: CollabConnection) {
    if (copies.length === 0) return Y.applyUpdate(this.doc, update, from);
    this.held = { from, updates: [] };
    try {
      Y.applyUpdate(this.doc, update, from);
      this.guard.renameCopies(copies);
    } finally {
      const { updates } = this.held;
      this.held = null;
      this.broadcast(Y.mergeUpdates(updates), null);
    }
  }

  private onAwarenessUpdate = ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) => {
    const from = this.isConnection(origin) ? origin : null;
    if (from) for (const id of [...added, ...updated]) this.bind(id, from);
    const changed = [...added, ...updated, ...removed];
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MessageType.awareness);
    encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed));
    const message = encoding.toUint8Array(encoder);
    for (const conn of this.connections) if (conn !== from) conn.send(message);
  };

  private isConnection(origin: unknown): origin is CollabConnection {
    return typeof origin === "object" && origin !== null && this.connections.has(origin as CollabConnection);
  }

  private bind(clientId: number, conn: CollabConnection) {
    this.owners.set(clientId, conn);
    conn.clientIds.add(clientId);
  }

  /**
   * A connection speaks for one Yjs client id: the first it announces that nobody else holds.
   * (A y-websocket client announces its own state first, before it has seen anyone else's.)
   */
  owns(conn: CollabConnection, clientId: number): boolean {
    const owner = this.owners.get(clientId);
    if (owner) return owner === conn;
    return conn.clientIds.size === 0;
  }

  join(conn: CollabConnection) {
    this.connections.add(conn);
    const sync = encoding.createEncoder();
    encoding.writeVarUint(sync, MessageType.sync);
    syncProtocol.writeSyncStep1(sync, this.doc);
    conn.send(encoding.toUint8Array(sync));
    const states = [...this.awareness.getStates().keys()];
    if (states.length) conn.send(this.awarenessMessage(states));
  }

  awarenessMessage(clientIds: number[]): Uint8Array {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MessageType.awareness);
    encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(this.awareness, clientIds));
    return encoding.toUint8Array(encoder);
  }

  leave(conn: CollabConnection) {
    if (!this.connections.delete(conn)) return;
    const ids = [...conn.clientIds];
    for (const id of ids) this.owners.delete(id);
    awarenessProtocol.removeAwarenessStates(this.awareness, ids, null);
  }

  /**
   * Off the update path, and spread out: rooms that opened together reach the threshold together,
   * and compacting them all in one tick would delay everyone's updates.
   */
  private scheduleCompaction() {
    if (this.compactionTimer) return;
    this.compactionTimer = setTimeout(() => {
      this.compactionTimer = null;
      this.updatesSinceCompaction = 0;
      try {
        if (this.updatesSinceMerge >= mergeEveryUpdates) void this.compact();
        else this.store.snapshot(this.negotiationId, this.doc);
      } catch (error) {
        // The updates are stored; only the snapshot is late. The next threshold tries again.
        this.logger.error({ err: error, negotiationId: this.negotiationId }, "compaction failed");
      }
    }, Math.random() * 5000);
  }

  compact(): Promise<void> {
    if (this.compactionTimer) clearTimeout(this.compactionTimer);
    this.compactionTimer = null;
    this.updatesSinceCompaction = 0;
    this.updatesSinceMerge = 0;
    return this.store.compact(this.negotiationId, this.doc);
  }

  destroy() {
    if (this.compactionTimer) clearTimeout(this.compactionTimer);
    // An unload within the quiet time still reports the edit: the watcher reads the stored schedule.
    this.settled?.flush();
    this.awareness.destroy();
    this.guard.destroy();
    this.doc.destroy();
  }
}
