// Content hashes pin an agreement to the text agreed. The same function runs on the server (the
// authority: it hashes its own copy of the document) and in the browser (to show a change at once).
import { Fragment, type Mark, type Node as PMNode } from "prosemirror-model";
import { sha256 } from "@oslojs/crypto/sha2";
import { encodeHexLowerCase } from "@oslojs/encoding";
import { forEachClause } from "../editor/numbering";

/** The SHA-256 of a value's JSON (`replacer` as JSON.stringify takes it), in hex. */
export const hashJson = (value: unknown, replacer?: (key: string, value: unknown) => unknown): string =>
  encodeHexLowerCase(sha256(new TextEncoder().encode(JSON.stringify(value, replacer))));

/** The hash as people quote it: on a version page, in an export's page footer. */
export const shortHash = (hash: string): string => hash.slice(0, 16);

// Unchanged clauses are the same node objects from one edit to the next, so most hashes are reused.
const hashCache = new WeakMap<PMNode, string>();

/**
 * A clause's heading and body, marks included. Not its attributes: moving a clause or linking it
 * to another knowledge-base entry does not change what the parties agreed to. Nor its open
 * proposals (decision 020): the text is hashed as if they were all rejected, so an agreed clause
 * stays agreed (and protected) while someone proposes a change to it, until one is accepted.
 */
export function clauseHash(clause: PMNode): string {
  let hash = hashCache.get(clause);
  if (!hash) {
    hash = hashJson((hasProposal(clause) ? withoutProposals(clause.content) : clause.content).toJSON(), withoutNullProposalAttributes);
    hashCache.set(clause, hash);
  }
  return hash;
}

const isProposalMark = (name: string) => name === "insertion" || name === "deletion" || name === "modification";
const formattingMarks = new Set(["bold", "italic", "link"]);

/**
 * A text node as its formatting proposal's decision leaves it (decision 030): accepted, the
 * proposed formatting stays; otherwise the formatting it had before comes back.
 */
function formattingDecided(text: PMNode, accepted: (id: string) => boolean): PMNode {
  const proposal = text.marks.find((m) => m.type.name === "modification");
  if (!proposal) return text;
  const rest = text.marks.filter((m) => m !== proposal);
  if (accepted(String(proposal.attrs.id))) return text.mark(rest);
  const was = (proposal.attrs.was as unknown[]).map((json) => text.type.schema.markFromJSON(json));
  return text.mark(
    was.reduce<readonly Mark[]>(
      (set, mark) => mark.addToSet(set),
      rest.filter((m) => !formattingMarks.has(m.type.name)),
    ),
  );
}

const proposalCache = new WeakMap<PMNode, boolean>();

/** Whether `node` is proposed to be added, removed or moved, or any text in it carries a proposal. */
export function hasProposal(node: PMNode): boolean {
  let found = proposalCache.get(node);
  if (found === undefined) {
    found = !!(node.attrs.insertion || node.attrs.deletion || node.attrs.moved);
    if (!found)
      node.descendants((child) => {
        if (!found && (child.isText ? child.marks.some((m) => isProposalMark(m.type.name)) : !!child.attrs.insertion)) found = true;
        return !found;
      });
    proposalCache.set(node, found);
  }
  return found;
}

/** The text as it was before its proposals: inserted text and clauses left out, deletion proposals off, formatting as it was. */
export function withoutProposals(content: Fragment): Fragment {
  return withDecidedProposals(content, () => false);
}

/**
 * The text as its proposals' decisions leave it: the insertions, deletions and formatting changes
 * `accepted` names applied (their marks off), every other proposal left out as withoutProposals does.
 */
export function withDecidedProposals(content: Fragment, accepted: (id: string) => boolean): Fragment {
  const out: PMNode[] = [];
  content.forEach((child) => {
    // A clause, paragraph or list item proposed whole (decisions 027, 033): there once its addition
    // is accepted, gone once its removal is.
    const added = child.attrs.insertion as string | null | undefined;
    const removed = child.attrs.deletion as string | null | undefined;
    if ((added && !accepted(added)) || (removed && accepted(removed))) return;
    // A clause proposed moved (decision 031) stays where it stands here: places are the structure's.
    if (added || removed || child.attrs.moved)
      return void out.push(
        child.type.create(
          { ...child.attrs, insertion: null, deletion: null, moved: null, movedFrom: null },
          withDecidedProposals(child.content, accepted),
          child.marks,
        ),
      );
    if (!child.isText) return void out.push(child.copy(withDecidedProposals(child.content, accepted)));
    const text = formattingDecided(child, accepted);
    const proposal = text.marks.find((m) => m.type.name === "insertion" || m.type.name === "deletion");
    if (!proposal) return void out.push(text);
    const kept = (proposal.type.name === "insertion") === accepted(String(proposal.attrs.id));
    if (kept) out.push(text.mark(text.marks.filter((m) => m !== proposal)));
  });
  // fromArray joins neighbours that now carry the same marks, as the text had them before.
  return Fragment.fromArray(out);
}

// A node that proposes nothing holds null under these (decisions 027, 031, 033); left out (and a
// paragraph's attributes with them, which are only these), a schedule hashes as it did before
// anything could be proposed whole, so earlier sign-offs and versions still match.
const proposalAttributes = new Set(["insertion", "deletion", "moved", "movedFrom"]);

function withoutNullProposalAttributes(key: string, value: unknown): unknown {
  if (key !== "attrs" || value === null || typeof value !== "object") return value;
  const kept = Object.entries(value).filter(([name, v]) => !(v === null && proposalAttributes.has(name)));
  return kept.length > 0 ? Object.fromEntries(kept) : undefined;
}

/** The whole schedule, structure and order included: what a sign-off or a version stands for. */
export function scheduleHash(doc: PMNode): string {
  return hashJson(doc.toJSON(), withoutNullProposalAttributes);
}

/** Every clause's id and hash, and whether a proposal in it is open, in document order. */
export function clauseHashes(doc: PMNode): { id: string; hash: string; proposalOpen: boolean }[] {
  const out: { id: string; hash: string; proposalOpen: boolean }[] = [];
  forEachClause(doc, (clause) => out.push({ id: clause.attrs.id as string, hash: clauseHash(clause), proposalOpen: hasProposal(clause) }));
  return out;
}
