/** Where the count is kept: localStorage in the browser. */
export type CountStore = Pick<Storage, "getItem" | "setItem" | "removeItem">;

/**
 * How many of this device's changes the server has not confirmed yet, kept in `store` so that it
 * survives a reload like the changes themselves (in IndexedDB) do. A confirmation covers the
 * changes made before its probe was sent, not those typed while it was on the way.
 */
export class UnsentChanges {
  private value: number;

  constructor(
    private readonly store: CountStore,
    private readonly key: string,
  ) {
    this.value = Math.max(0, Math.floor(Number(store.getItem(key)) || 0));
  }

  get count(): number {
    return this.value;
  }

  added() {
    this.set(this.value + 1);
  }

  /** The server holds everything this device had when it counted `countAtProbe`. */
  confirmed(countAtProbe: number) {
    this.set(Math.max(0, this.value - countAtProbe));
  }

  /** The server refused them and this device dropped its copy: nothing is waiting any more. */
  dropped() {
    this.set(0);
  }

  private set(value: number) {
    this.value = value;
    if (value > 0) this.store.setItem(this.key, String(value));
    else this.store.removeItem(this.key);
  }
}
