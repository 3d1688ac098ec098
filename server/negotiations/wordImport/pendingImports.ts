import { newId } from "../../../shared/ids";
import type { ImportBasics } from "./importBasics";
import type { EntryRole, ParsedDocx } from "../../../shared/wordImport/importedDocument";

/** A parsed file waiting in the preview: what the server read, and what the creator adjusted. */
export interface PendingImport {
  userId: string;
  fileName: string;
  basics: ImportBasics;
  parsed: ParsedDocx;
  /** The role of each entry, as the creator re-split them; starts as parsed. */
  roles: EntryRole[];
  /** Requirement chosen per clause key; a key not here takes the suggestion. null: none. */
  choices: Record<number, string | null>;
  expiresAt: number;
}

const lifetimeMs = 60 * 60 * 1000;
const maxPending = 200;
const maxPerUser = 3;

// Kept in the server process, not sent to the browser: the preview posts only roles and choices,
// never a document body. A restart loses a preview, and the creator uploads the file again.
const pending = new Map<string, PendingImport>();

export function keepImport(entry: Omit<PendingImport, "expiresAt" | "roles" | "choices">, now = Date.now()): string {
  for (const [id, p] of pending) if (p.expiresAt < now) pending.delete(id);
  const mine = [...pending].filter(([, p]) => p.userId === entry.userId);
  for (const [id] of mine.slice(0, Math.max(0, mine.length - maxPerUser + 1))) pending.delete(id);
  // Maps iterate in insertion order: the first key is the oldest preview.
  while (pending.size >= maxPending) pending.delete(pending.keys().next().value!);
  const id = newId();
  pending.set(id, { ...entry, roles: entry.parsed.entries.map((e) => e.role), choices: {}, expiresAt: now + lifetimeMs });
  return id;
}

/** The creator's own pending import; someone else's id is as unknown as a missing one. */
export function pendingImport(id: string, userId: string, now = Date.now()): PendingImport | null {
  const found = pending.get(id);
  return found && found.userId === userId && found.expiresAt >= now ? found : null;
}

export function dropImport(id: string): void {
  pending.delete(id);
}
