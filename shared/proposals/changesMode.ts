// How a negotiation takes edits: everyone edits the text, or every edit by a member is a proposal.
// Without zod, so browser code can import it (decision 021).
export const changesModes = ["together", "proposals"] as const;
export type ChangesMode = (typeof changesModes)[number];

export const isChangesMode = (value: unknown): value is ChangesMode => typeof value === "string" && (changesModes as readonly string[]).includes(value);

/** A negotiation's way of working from its row (column `changes_mode`); "together" when it has none. */
export function changesModeOf(row: object): ChangesMode {
  const mode = "changes_mode" in row ? row.changes_mode : undefined;
  return isChangesMode(mode) ? mode : "together";
}
