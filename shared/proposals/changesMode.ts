// How a negotiation takes edits, without zod, for browser code (decision 021).
export const changesModes = ["together", "proposals"] as const;
export type ChangesMode = (typeof changesModes)[number];

export const isChangesMode = (value: unknown): value is ChangesMode => typeof value === "string" && (changesModes as readonly string[]).includes(value);
