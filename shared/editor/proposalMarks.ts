import type { Mark, Node as PMNode } from "prosemirror-model";
import type { PartyDecision } from "../agreements/clauseStatus";
import { clauseHash } from "../agreements/contentHash";
import type { Party } from "../roles";
import type { ProposalKind, ProposalScope } from "../proposals/proposals";
import { parsePlace, type ClausePlace } from "../proposals/clauseMove";
import { formattingMarkNames, scheduleSchema as s, type FormattingMark } from "./schema";

/** The proposal adding or striking a text node, if any (decision 020: the mark holds only the id). */
export function proposalOf(marks: readonly Mark[]): { kind: "insert" | "delete"; id: string } | null {
  for (const mark of marks) {
    if (mark.type === s.marks.insertion) return { kind: "insert", id: String(mark.attrs.id) };
    if (mark.type === s.marks.deletion) return { kind: "delete", id: String(mark.attrs.id) };
  }
  return null;
}

/** The proposal changing a text node's formatting, if any, with the formatting it had before (decision 030). */
export function formattingProposalOf(marks: readonly Mark[]): { kind: "format"; id: string; was: FormattingMark[] } | null {
  const mark = s.marks.modification.isInSet(marks);
  return mark ? { kind: "format", id: String(mark.attrs.id), was: mark.attrs.was as FormattingMark[] } : null;
}

/** Every proposal on a text node: adding or striking it, and changing its formatting. */
export function proposalsOn(marks: readonly Mark[]): { kind: ProposalKind; id: string }[] {
  return [proposalOf(marks), formattingProposalOf(marks)].filter((p) => p !== null);
}

/** The formatting marks of a text node (bold, italic, link), as a formatting proposal's `was` records them. */
export function formattingOf(marks: readonly Mark[]): FormattingMark[] {
  return marks
    .filter((m) => (formattingMarkNames as readonly string[]).includes(m.type.name))
    .map((m) => (m.type === s.marks.link ? { type: "link", attrs: { href: String(m.attrs.href) } } : { type: m.type.name as FormattingMark["type"] }));
}

/** A proposal to add or remove a whole clause (decision 027), from the clause's attributes. */
export function clauseProposalOf(clause: PMNode): { kind: "insert" | "delete"; id: string } | null {
  if (clause.type !== s.nodes.clause) return null;
  if (clause.attrs.insertion) return { kind: "insert", id: String(clause.attrs.insertion) };
  if (clause.attrs.deletion) return { kind: "delete", id: String(clause.attrs.deletion) };
  return null;
}

const proposableBlocks = new Set([s.nodes.paragraph, s.nodes.list_item, s.nodes.table]);

/** A paragraph, list item or table proposed new inside an existing clause (decision 033): its proposal id. */
export function blockProposalOf(node: PMNode): string | null {
  return proposableBlocks.has(node.type) && node.attrs.insertion ? String(node.attrs.insertion) : null;
}

/** A section proposed new (decision 033): its proposal id, which its clauses and heading text carry too. */
export function sectionProposalOf(node: PMNode): string | null {
  return node.type === s.nodes.section && node.attrs.insertion ? String(node.attrs.insertion) : null;
}

/** A proposal to move a clause (decision 031): its id, and where the clause stood. */
export function clauseMoveOf(clause: PMNode): { id: string; from: ClausePlace | null } | null {
  if (clause.type !== s.nodes.clause || !clause.attrs.moved) return null;
  return { id: String(clause.attrs.moved), from: parsePlace(clause.attrs.movedFrom) };
}

type Latest = Map<string, Partial<Record<Party, PartyDecision>>>;

/**
 * Whether both parties agreed this clause, as it stands or as it stood before its open proposals:
 * such a clause is only changed by proposals, in either way of working (issue #14).
 */
export function isProtectedClause(clause: PMNode, latest: Latest): boolean {
  const decisions = latest.get(clause.attrs.id as string);
  const buyer = decisions?.buyer;
  const supplier = decisions?.supplier;
  if (buyer?.decision !== "agreed" || supplier?.decision !== "agreed" || buyer.hash !== supplier.hash) return false;
  // clauseHash reads the clause as it stood before its open proposals.
  return buyer.hash === clauseHash(clause);
}

export interface ProposalInDoc {
  id: string;
  kind: ProposalKind;
  /** A proposal's text, a whole clause (then `text` is its heading), or a new paragraph or list item. */
  scope: ProposalScope;
  clauseId: string | null;
  /** The proposed or struck text, its runs joined. */
  text: string;
}

/** Every proposal in the document by id, in document order, with the clause that holds it. */
export function proposalsInDoc(doc: PMNode): Map<string, ProposalInDoc> {
  const found = new Map<string, ProposalInDoc>();
  const visit = (node: PMNode, clauseId: string | null) => {
    node.descendants((child) => {
      const block = blockProposalOf(child);
      if (block && !found.has(block)) found.set(block, { id: block, kind: "insert", scope: "block", clauseId, text: child.textContent });
      if (!child.isText) return true;
      for (const proposal of proposalsOn(child.marks)) {
        const entry = found.get(proposal.id);
        // A proposed paragraph's or section's text carries its id too, and is its text already.
        if (entry?.scope === "block" || entry?.scope === "section") continue;
        if (entry) entry.text += child.text ?? "";
        else found.set(proposal.id, { ...proposal, scope: "text", clauseId, text: child.text ?? "" });
      }
      return false;
    });
  };
  doc.forEach((section) => {
    const added = sectionProposalOf(section);
    if (added) found.set(added, { id: added, kind: "insert", scope: "section", clauseId: null, text: section.firstChild?.textContent ?? "" });
    section.forEach((child) => {
      const clauseId = child.type === s.nodes.clause ? (child.attrs.id as string) : null;
      const whole = clauseProposalOf(child);
      if (whole && !found.has(whole.id)) found.set(whole.id, { ...whole, scope: "clause", clauseId, text: child.firstChild?.textContent ?? "" });
      const move = clauseMoveOf(child);
      if (move && !found.has(move.id)) found.set(move.id, { id: move.id, kind: "move", scope: "clause", clauseId, text: child.firstChild?.textContent ?? "" });
      visit(child, clauseId);
    });
  });
  return found;
}
