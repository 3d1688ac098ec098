import type * as Y from "yjs";
import type { Logger } from "../logger";
import { buildScheduleDoc } from "../../shared/editor/scheduleTemplate";
import type { DocumentStore } from "./documentStore";
import { Room, type EditWatch } from "./room";
import type { ProposalStatements } from "../../db/queries/proposals";
import { repairStoredSchedule } from "./storedSchedule";

/**
 * Open rooms by negotiation. A room is loaded on first join and unloaded (after a compacting
 * save) once nobody has been in it for `idleUnloadMs`, so a page reload does not reload from disk.
 * Store calls are synchronous (better-sqlite3), so loading and unloading cannot interleave.
 */
export class RoomRegistry {
  private readonly rooms = new Map<string, Room>();
  private readonly unloadTimers = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly store: DocumentStore,
    private readonly proposals: ProposalStatements,
    private readonly logger: Logger,
    private readonly maxScheduleBytes: number,
    private readonly idleUnloadMs = 5_000,
    private readonly edits?: EditWatch,
  ) {}

  get(negotiationId: string): Room {
    this.cancelUnload(negotiationId);
    let room = this.rooms.get(negotiationId);
    if (!room) {
      // A negotiation made before it had a document still gets one, through the same code path.
      if (!this.store.exists(negotiationId)) this.store.create(negotiationId, buildScheduleDoc({ sections: [] }));
      const doc = this.store.load(negotiationId);
      this.repair(negotiationId, doc);
      room = new Room(negotiationId, doc, this.store, this.proposals, this.logger, this.maxScheduleBytes, this.edits);
      this.rooms.set(negotiationId, room);
      this.edits?.watcher.loaded(room);
    }
    return room;
  }

  /** A document stored before every update was checked may not fit: it opens repaired, and saved so. */
  private repair(negotiationId: string, doc: Y.Doc) {
    const store = (update: Uint8Array) => this.store.append(negotiationId, update, null);
    doc.on("update", store);
    try {
      const problem = repairStoredSchedule(doc);
      if (problem) this.logger.warn({ negotiationId, problem }, "stored schedule did not fit the schema; repaired as the browsers showed it");
    } finally {
      doc.off("update", store);
    }
  }

  /** The open room, if any, without loading it. */
  peek(negotiationId: string): Room | undefined {
    return this.rooms.get(negotiationId);
  }

  /** Called when a connection leaves; schedules the unload of an empty room. */
  released(room: Room) {
    if (room.connections.size > 0 || this.unloadTimers.has(room.negotiationId)) return;
    const timer = setTimeout(() => this.unload(room.negotiationId), this.idleUnloadMs);
    timer.unref();
    this.unloadTimers.set(room.negotiationId, timer);
  }

  private cancelUnload(negotiationId: string) {
    const timer = this.unloadTimers.get(negotiationId);
    if (timer) clearTimeout(timer);
    this.unloadTimers.delete(negotiationId);
  }

  private unload(negotiationId: string) {
    this.unloadTimers.delete(negotiationId);
    const room = this.rooms.get(negotiationId);
    if (!room || room.connections.size > 0) return;
    try {
      room.compact();
    } catch (error) {
      this.logger.error({ err: error, negotiationId }, "compacting a room on unload failed; its updates are stored");
    }
    room.destroy();
    this.rooms.delete(negotiationId);
  }

  all(): Room[] {
    return [...this.rooms.values()];
  }

  /** On shutdown: save every open room. */
  unloadAll() {
    for (const id of [...this.rooms.keys()]) {
      this.cancelUnload(id);
      const room = this.rooms.get(id)!;
      for (const conn of room.connections) room.leave(conn);
      this.unload(id);
    }
  }
}
