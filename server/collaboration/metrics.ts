/** Counters for operators and the benchmark; cheap enough to update on every message. */
export class CollaborationMetrics {
  connections = 0;
  rooms = 0;
  updatesAccepted = 0;
  updatesDropped = 0;
  messagesRejected = 0;
  flushes = 0;
  /** Milliseconds between an update's arrival and its commit, for the latest flush. */
  persistenceLagMs = 0;
  maxPersistenceLagMs = 0;

  recordFlush(lagMs: number) {
    this.flushes += 1;
    this.persistenceLagMs = lagMs;
    this.maxPersistenceLagMs = Math.max(this.maxPersistenceLagMs, lagMs);
  }

  snapshot() {
    return { ...this };
  }
}
