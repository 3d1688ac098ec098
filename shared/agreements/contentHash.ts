// Content hashes pin an agreement to the text agreed. The same function runs on the server (the
// authority: it hashes its own copy of the document) and in the browser (to show a change at once).
import type { Node as PMNode } from "prosemirror-model";
import { sha256 } from "@oslojs/crypto/sha2";
import { encodeHexLowerCase } from "@oslojs/encoding";
import { forEachClause } from "../editor/numbering";

export const hashJson = (value: unknown): string => encodeHexLowerCase(sha256(new TextEncoder().encode(JSON.stringify(value))));

/** The hash as people quote it: on a version page, in an export's page footer. */
export const shortHash = (hash: string): string => hash.slice(0, 16);

// Unchanged clauses are the same node objects from one edit to the next, so most hashes are reused.
const hashCache = new WeakMap<PMNode, string>();

/**
 * A clause's heading and body, marks included. Not its attributes: moving a clause or linking it
 * to another knowledge-base entry does not change what the parties agreed to.
 */
export function clauseHash(clause: PMNode): string {
  let hash = hashCache.get(clause);
  if (!hash) {
    hash = hashJson(clause.content.toJSON());
    hashCache.set(clause, hash);
  }
  return hash;
}

/** The whole schedule, structure and order included: what a sign-off or a version stands for. */
export function scheduleHash(doc: PMNode): string {
  return hashJson(doc.toJSON());
}

/** Every clause's id and hash, in document order. */
export function clauseHashes(doc: PMNode): { id: string; hash: string }[] {
  const out: { id: string; hash: string }[] = [];
  forEachClause(doc, (clause) => out.push({ id: clause.attrs.id as string, hash: clauseHash(clause) }));
  return out;
}
