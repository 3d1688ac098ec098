/**
 * Calls `fire` once `quietMs` have passed since the last `touch()`: a burst of updates is one call.
 * A touch while armed only refreshes the running timer, so one per keystroke costs next to nothing.
 */
export class QuietTimer {
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly quietMs: number,
    private readonly fire: () => void,
  ) {}

  touch() {
    if (this.timer) {
      this.timer.refresh();
      return;
    }
    this.timer = setTimeout(() => {
      this.timer = null;
      this.fire();
    }, this.quietMs);
    // A pending call never holds the process open; shutdown flushes it (Room.destroy).
    this.timer.unref();
  }

  /** A call still due happens now, and nothing more is due. */
  flush() {
    if (!this.timer) return;
    clearTimeout(this.timer);
    this.timer = null;
    this.fire();
  }
}
