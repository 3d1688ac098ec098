import { Fragment, Slice, type Mark, type Node as PMNode, type ResolvedPos } from "prosemirror-model";
import { TextSelection, type EditorState, type Transaction } from "prosemirror-state";
import { AddMarkStep, Mapping, RemoveMarkStep, ReplaceStep, type Step } from "prosemirror-transform";
import { encodePlace, placeOf } from "../proposals/clauseMove";
import { clauseOutline } from "./clauseOutline";
import { blockProposalOf, formattingOf, formattingProposalOf, sectionProposalOf } from "./proposalMarks";
import { formattingMarkNames, scheduleSchema as s, type FormattingMark } from "./schema";

export interface ProposalAuthor {
  /** Whether a proposal id is this member's (the server's list, and the ids minted here since). */
  isMine: (id: string) => boolean;
  /** A fresh proposal id (shared/ids.ts newId: peers never collide). */
  newId: () => string;
}

/**
 * Rewrites an edit into proposals (decision 020): typed or pasted text is inserted with an
 * `insertion` mark, removed text keeps its place under a `deletion` mark, and removing text of
 * one's own insertion really removes it. Only what the server admits from a member who may only
 * propose: other members' proposals are left as they are. A whole clause added or removed is
 * proposed as a clause (decision 027), a moved one as moved (decision 031); bold, italic or a link
 * put on or taken off existing text is proposed as a formatting change (decision 030), a paragraph
 * or list item split by Enter, a table and a section inserted whole as new ones (decision 033). An
 * edit that changes other structure (text made a list, a list item indented) has no proposal form
 * yet, so the answer is null and the edit must be dropped.
 *
 * Ids: continued typing or deleting next to one's own proposal of the same kind extends it (one
 * id); anything else starts a new one. An insertion never takes a deletion's id, so a replaced
 * word is two proposals (one insert, one delete), as Word records it.
 */
export function proposalTransaction(state: EditorState, tr: Transaction, author: ProposalAuthor): Transaction | null {
  const moved = movedClauses(tr);
  if (moved.size > 0) return proposeMove(state, tr, moved, author);
  const out = state.tr;
  let caret: number | null = null;
  // One formatting command is one proposal, however many steps and runs it takes.
  let formattingId: string | null = null;
  const formatting = () => (formattingId ??= author.newId());
  for (let i = 0; i < tr.steps.length; i++) {
    const step = tr.steps[i]!;
    if ((step instanceof AddMarkStep || step instanceof RemoveMarkStep) && isFormattingMark(step.mark)) {
      // Mark steps move no positions, so the step's range holds in `out` as it is.
      proposeFormatting(out, step.from, step.to, step.mark, step instanceof AddMarkStep, author, formatting);
      continue;
    }
    if (!(step instanceof ReplaceStep)) return null;
    const sections = newSections(tr.docs[i]!, step);
    if (sections) {
      const from = rebase(step.from, tr.steps.slice(0, i), out);
      out.insert(
        from,
        sections.map((section) => proposedSection(section, author.newId())),
      );
      // Into the (first) new section's heading, as the command that added it does.
      if (i === tr.steps.length - 1) caret = from + 2;
      continue;
    }
    const clauses = wholeClauses(tr.docs[i]!, step);
    if (clauses) {
      const from = rebase(step.from, tr.steps.slice(0, i), out);
      const to = rebase(step.to, tr.steps.slice(0, i), out);
      if (clauses === "removed") proposeClauseRemoval(out, from, to, author);
      else {
        // Into one's own new section, a clause is part of that proposal.
        const id = ownBlockAt(out.doc.resolve(from), author);
        out.insert(
          from,
          clauses.map((clause) => clause.type.create({ ...clause.attrs, insertion: id ?? author.newId(), deletion: null }, clause.content)),
        );
        // Into the (first) new clause's heading, as the command that added it does.
        if (i === tr.steps.length - 1) caret = from + 2;
      }
      continue;
    }
    const table = newTable(tr.docs[i]!, step);
    if (table) {
      const from = rebase(step.from, tr.steps.slice(0, i), out);
      const id = ownBlockAt(out.doc.resolve(from), author) ?? author.newId();
      out.insert(from, table.type.create({ ...table.attrs, insertion: id }, withInsertedText(table.content, id)));
      continue;
    }
    const split = splitDepth(tr.docs[i]!, step);
    if (split !== null) {
      const at = proposeNewBlock(out, rebase(step.from, tr.steps.slice(0, i), out), split, author);
      if (at === null) return null;
      caret = at;
      continue;
    }
    if (isJoin(tr.docs[i]!, step)) {
      takeBackBlock(out, rebase(step.from, tr.steps.slice(0, i), out), rebase(step.to, tr.steps.slice(0, i), out), author);
      continue;
    }
    const inserted = insertedText(step.slice);
    if (inserted === null) return null;
    const from = rebase(step.from, tr.steps.slice(0, i), out);
    const to = rebase(step.to, tr.steps.slice(0, i), out);
    const before = out.steps.length;
    if (from < to) proposeDeletion(out, from, to, author);
    // Removing one's own inserted text moves what follows it.
    const settled = (pos: number) => out.mapping.slice(before).map(pos);
    if (inserted.length > 0) {
      const at = insertionPoint(out.doc, settled(to));
      caret = at + proposeInsertion(out, at, inserted, author);
    } else if (i === tr.steps.length - 1) {
      // Backspace stays before what it struck, Delete goes after it: pressing either again goes
      // on to the next character instead of standing still.
      const { selection } = state;
      const forward = selection.empty && selection.from === step.from && step.to > step.from;
      caret = forward ? settled(to) : settled(from);
    }
  }
  if (caret !== null) out.setSelection(TextSelection.near(out.doc.resolve(Math.min(caret, out.doc.content.size))));
  else if (tr.selectionSet) {
    const back = tr.mapping.invert();
    back.appendMapping(out.mapping);
    out.setSelection(tr.selection.map(out.doc, back));
  }
  if (tr.storedMarksSet) out.setStoredMarks(tr.storedMarks);
  if (tr.scrolledIntoView) out.scrollIntoView();
  for (const key of ["uiEvent", "paste", "addToHistory"]) if (tr.getMeta(key) !== undefined) out.setMeta(key, tr.getMeta(key));
  return out;
}

/**
 * Whole clauses a step adds (a new clause, one from the catalogue) or removes, which are proposed
 * as clauses (decision 027); null for any other step.
 */
function wholeClauses(doc: PMNode, step: ReplaceStep): readonly PMNode[] | "removed" | null {
  const { slice } = step;
  if (step.from === step.to) {
    if (slice.openStart !== 0 || slice.openEnd !== 0 || slice.content.childCount === 0) return null;
    let all = true;
    slice.content.forEach((node) => (all &&= node.type === s.nodes.clause));
    return all && doc.resolve(step.from).parent.type === s.nodes.section ? slice.content.content : null;
  }
  if (slice.size > 0) return null;
  const $from = doc.resolve(step.from);
  const $to = doc.resolve(step.to);
  if ($from.parent.type !== s.nodes.section || $to.parent !== $from.parent) return null;
  for (let index = $from.index(); index < $to.index(); index++) if ($from.parent.child(index).type !== s.nodes.clause) return null;
  return "removed";
}

/** Whole sections a step adds (New section), proposed as sections (decision 033); null for any other step. */
function newSections(doc: PMNode, step: ReplaceStep): readonly PMNode[] | null {
  const { slice } = step;
  if (step.from !== step.to || slice.openStart !== 0 || slice.openEnd !== 0 || slice.content.childCount === 0) return null;
  let all = true;
  slice.content.forEach((node) => (all &&= node.type === s.nodes.section));
  return all && doc.resolve(step.from).depth === 0 ? slice.content.content : null;
}

/** A section as a proposal to add it: the section, its clauses and its heading's text under one id. */
function proposedSection(section: PMNode, id: string): PMNode {
  const children: PMNode[] = [];
  section.forEach((child) =>
    children.push(
      child.type === s.nodes.clause
        ? child.type.create({ ...child.attrs, insertion: id, deletion: null }, child.content)
        : child.copy(withInsertedText(child.content, id)),
    ),
  );
  return section.type.create({ ...section.attrs, insertion: id }, children);
}

/** A table a step inserts whole between blocks (Insert table), proposed as a new block (decision 033). */
function newTable(doc: PMNode, step: ReplaceStep): PMNode | null {
  const { slice } = step;
  if (step.from !== step.to || slice.openStart !== 0 || slice.openEnd !== 0 || slice.content.childCount !== 1) return null;
  const node = slice.content.firstChild!;
  return node.type === s.nodes.table && !doc.resolve(step.from).parent.isTextblock ? node : null;
}

/** `content` with all its text marked as inserted by proposal `id`, other proposals' marks off. */
function withInsertedText(content: Fragment, id: string): Fragment {
  const mark = s.marks.insertion.create({ id });
  const nodes: PMNode[] = [];
  content.forEach((node) =>
    nodes.push(node.isText ? node.mark(mark.addToSet(node.marks.filter((m) => !isProposalMark(m)))) : node.copy(withInsertedText(node.content, id))),
  );
  return Fragment.fromArray(nodes);
}

/** The clauses the transaction takes out and puts back elsewhere: moved (their ids). */
function movedClauses(tr: Transaction): Set<string> {
  const removed = new Set<string>();
  const added = new Set<string>();
  tr.steps.forEach((step, i) => {
    if (!(step instanceof ReplaceStep)) return;
    tr.docs[i]!.nodesBetween(step.from, step.to, (node) => (node.type === s.nodes.clause ? (removed.add(String(node.attrs.id)), false) : true));
    step.slice.content.descendants((node) => (node.type === s.nodes.clause ? (added.add(String(node.attrs.id)), false) : true));
  });
  return new Set([...added].filter((id) => removed.has(id)));
}

/**
 * Moving whole clauses, and nothing else, proposes each at its new place (decision 031): it keeps
 * the move proposal it carries (and the place that records), or takes a new one recording where it
 * stands now. One's own proposed clause moves freely; a clause someone else proposed moved is
 * answered first (null: dropped).
 */
function proposeMove(state: EditorState, tr: Transaction, moved: ReadonlySet<string>, author: ProposalAuthor): Transaction | null {
  for (let i = 0; i < tr.steps.length; i++) {
    const step = tr.steps[i]!;
    if (!(step instanceof ReplaceStep)) return null;
    const clauses = wholeClauses(tr.docs[i]!, step);
    if (!clauses || (clauses !== "removed" && clauses.some((c) => !moved.has(String(c.attrs.id))))) return null;
  }
  const outline = clauseOutline(state.doc);
  const marks = new Map<string, { moved: string; movedFrom: string | null }>();
  let refused = false;
  state.doc.descendants((node) => {
    if (node.type !== s.nodes.clause) return node.type !== s.nodes.paragraph;
    const id = String(node.attrs.id);
    if (!moved.has(id)) return false;
    const own = node.attrs.insertion as string | null;
    const carried = node.attrs.moved as string | null;
    if (own && author.isMine(own)) return false;
    if (carried && !author.isMine(carried)) refused = true;
    else if (carried) marks.set(id, { moved: carried, movedFrom: node.attrs.movedFrom as string | null });
    else {
      const place = placeOf(outline, id);
      if (place) marks.set(id, { moved: author.newId(), movedFrom: encodePlace(place) });
      else refused = true;
    }
    return false;
  });
  if (refused) return null;
  const out = state.tr;
  for (const step of tr.steps) out.step(step);
  out.doc.descendants((node, pos) => {
    if (node.type !== s.nodes.clause) return node.type !== s.nodes.paragraph;
    const proposal = marks.get(String(node.attrs.id));
    if (proposal) out.setNodeMarkup(pos, undefined, { ...node.attrs, ...proposal });
    return false;
  });
  if (tr.selectionSet) out.setSelection(tr.selection.map(out.doc, new Mapping()));
  if (tr.scrolledIntoView) out.scrollIntoView();
  for (const key of ["uiEvent", "addToHistory"]) if (tr.getMeta(key) !== undefined) out.setMeta(key, tr.getMeta(key));
  return out;
}

/**
 * Removing whole clauses: one's own proposed clause really goes; any other clause stays, marked
 * as proposed for removal, unless someone else proposed it or its removal already.
 */
function proposeClauseRemoval(out: Transaction, from: number, to: number, author: ProposalAuthor) {
  const gone: { from: number; to: number }[] = [];
  out.doc.nodesBetween(from, to, (node, pos) => {
    if (node.type !== s.nodes.clause) return true;
    const added = node.attrs.insertion as string | null;
    if (added) {
      if (author.isMine(added)) gone.push({ from: pos, to: pos + node.nodeSize });
    } else if (!node.attrs.deletion) {
      out.setNodeAttribute(pos, "deletion", author.newId());
    }
    return false;
  });
  // Back to front, so earlier clauses keep their positions.
  for (const range of gone.reverse()) out.delete(range.from, range.to);
}

/**
 * The depth of the paragraph or list item a step splits in two (Enter), or null for any other
 * step: a split inserts nothing but the closing and opening of the node, `openStart` levels deep.
 */
function splitDepth(doc: PMNode, step: ReplaceStep): number | null {
  const { slice } = step;
  const levels = slice.openStart;
  if (step.from !== step.to || levels < 1 || slice.openEnd !== levels || slice.content.childCount !== 2 || slice.content.size !== 4 * levels) return null;
  const $at = doc.resolve(step.from);
  if (!$at.parent.isTextblock || levels > $at.depth) return null;
  const depth = $at.depth - levels + 1;
  const type = $at.node(depth).type;
  return type === s.nodes.paragraph || type === s.nodes.list_item ? depth : null;
}

/**
 * A split proposed (decision 033): the paragraph or list item stays as it was, with the text after
 * the caret struck, and a new one after it proposed with that text (as an insertion of the same
 * proposal), so accepting both is the split and rejecting them is the text as it was. In one's own
 * proposed paragraph the text moves and both halves are the one proposal. Returns where the caret
 * goes (the start of the new text), or null when the text after the caret holds something that
 * cannot be struck (a placeholder).
 */
function proposeNewBlock(out: Transaction, at: number, depth: number, author: ProposalAuthor): number | null {
  const $at = out.doc.resolve(at);
  const container = $at.node(depth);
  if (container.type !== s.nodes.paragraph && container.type !== s.nodes.list_item) return null;
  const id = ownBlockAt($at, author) ?? author.newId();
  const mark = s.marks.insertion.create({ id });
  const tail: PMNode[] = [];
  let strikable = true;
  $at.parent.slice($at.parentOffset).content.forEach((node) => {
    if (!node.isText) return void (strikable = false);
    const inserted = s.marks.insertion.isInSet(node.marks);
    if (s.marks.deletion.isInSet(node.marks) || (inserted && !author.isMine(String(inserted.attrs.id)))) return;
    tail.push(node.mark(mark.addToSet(node.marks.filter((m) => !isProposalMark(m)))));
  });
  if (!strikable) return null;
  const paragraph = s.nodes.paragraph.create(container.type === s.nodes.paragraph ? { insertion: id } : null, tail);
  const block = container.type === s.nodes.paragraph ? paragraph : s.nodes.list_item.create({ insertion: id }, paragraph);
  const before = out.steps.length;
  if (at < $at.end()) proposeDeletion(out, at, $at.end(), author);
  const after = out.mapping.slice(before).map($at.after(depth));
  out.insert(after, block);
  return after + (block === paragraph ? 1 : 2);
}

/** Whether a step only joins two blocks (Backspace at a paragraph's start, Delete at its end). */
function isJoin(doc: PMNode, step: ReplaceStep): boolean {
  if (step.from === step.to || step.slice.size > 0) return false;
  let content = false;
  doc.nodesBetween(step.from, step.to, (node) => void (content ||= node.isLeaf));
  return !content;
}

/**
 * Joining into one's own proposed paragraph or list item takes it back (decision 033): an empty one
 * goes; a paragraph holding only one's own proposed text joins the one before, its text still
 * proposed. Any other join has no proposal form and changes nothing.
 */
function takeBackBlock(out: Transaction, from: number, to: number, author: ProposalAuthor) {
  const $to = out.doc.resolve(to);
  for (let depth = $to.depth; depth > 0; depth--) {
    const block = $to.node(depth);
    const id = blockProposalOf(block);
    if (!id) continue;
    if (!author.isMine(id)) return;
    if (block.content.size === (block.type === s.nodes.list_item ? 2 : 0)) return void out.delete($to.before(depth), $to.after(depth));
    let own = block.type === s.nodes.paragraph;
    block.descendants((node) => void (own &&= !node.isText || s.marks.insertion.isInSet(node.marks)?.attrs.id === id));
    if (own) out.step(new ReplaceStep(from, to, Slice.empty, true));
    return;
  }
}

/** The id of this member's own new paragraph, list item or section around `$pos`, if any. */
function ownBlockAt($pos: ResolvedPos, author: ProposalAuthor): string | null {
  for (let depth = $pos.depth; depth > 0; depth--) {
    const id = blockProposalOf($pos.node(depth)) ?? sectionProposalOf($pos.node(depth));
    if (id) return author.isMine(id) ? id : null;
  }
  return null;
}

/** A position in the document after `before` mapped back to the state's document, then through `out`. */
function rebase(pos: number, before: Step[], out: Transaction): number {
  const start = before.reduceRight((p, step) => step.getMap().invert().map(p), pos);
  return out.mapping.map(start);
}

/**
 * The text a step inserts, as text nodes; null when it inserts structure (a split paragraph, a
 * table, a clause). Pasted paragraphs (a slice open at both ends) become one run of text, their
 * breaks spaces: only Enter proposes a paragraph break (decision 033).
 */
function insertedText(slice: Slice): PMNode[] | null {
  if (slice.size === 0) return [];
  const inlineOnly = slice.openStart === 0 && slice.openEnd === 0 && slice.content.firstChild?.isInline;
  if (!inlineOnly && (slice.openStart === 0 || slice.openEnd === 0)) return null;
  const nodes: PMNode[] = [];
  let blocks = 0;
  slice.content.descendants((node) => {
    if (node.isTextblock && blocks++ > 0 && nodes.length > 0) nodes.push(s.text(" "));
    if (node.isText) nodes.push(node.mark(node.marks.filter((m) => !isProposalMark(m))));
    else if (node.type === s.nodes.hard_break) nodes.push(s.text(" "));
    return !node.isInline;
  });
  if (!inlineOnly && nodes.length === 0) return null;
  return nodes;
}

const isProposalMark = (mark: Mark) => mark.type === s.marks.insertion || mark.type === s.marks.deletion || mark.type === s.marks.modification;
const isFormattingMark = (mark: Mark) => (formattingMarkNames as readonly string[]).includes(mark.type.name);
const sameFormatting = (a: readonly FormattingMark[], b: readonly FormattingMark[]) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Bold, italic or a link put on (`adding`) or taken off text as a proposal: the text shows the new
 * formatting and a `modification` mark records what it was, so the other side can reject it.
 * One's own inserted text is formatted as it is (it is all the proposal); one's own formatting
 * proposal is changed on, and goes once the text is back as it was; text struck or added by
 * anyone else, or reformatted by someone else, is left alone.
 */
function proposeFormatting(out: Transaction, from: number, to: number, mark: Mark, adding: boolean, author: ProposalAuthor, newId: () => string) {
  const ranges: { from: number; to: number; marks: readonly Mark[] }[] = [];
  out.doc.nodesBetween(from, to, (node, pos) => {
    if (node.isText) ranges.push({ from: Math.max(pos, from), to: Math.min(pos + node.nodeSize, to), marks: node.marks });
    return !node.isText;
  });
  for (const range of ranges) {
    const inserted = s.marks.insertion.isInSet(range.marks);
    if (s.marks.deletion.isInSet(range.marks) || (inserted && !author.isMine(String(inserted.attrs.id)))) continue;
    const proposal = formattingProposalOf(range.marks);
    if (proposal && !author.isMine(proposal.id)) continue;
    const changed = adding ? mark.addToSet(range.marks) : mark.removeFromSet(range.marks);
    if (sameFormatting(formattingOf(changed), formattingOf(range.marks))) continue;
    if (adding) out.addMark(range.from, range.to, mark);
    else out.removeMark(range.from, range.to, mark);
    if (inserted) continue;
    if (!proposal) out.addMark(range.from, range.to, s.marks.modification.create({ id: newId(), was: formattingOf(range.marks) }));
    else if (sameFormatting(formattingOf(changed), proposal.was)) out.removeMark(range.from, range.to, s.marks.modification);
  }
}

/** The id of this member's proposal of this kind right before or after `pos`, to continue it. */
function adjacentOwnId(doc: PMNode, pos: number, type: typeof s.marks.insertion, author: ProposalAuthor): string | null {
  const $pos = doc.resolve(pos);
  for (const node of [$pos.nodeBefore, $pos.nodeAfter]) {
    const mark = node?.isText ? type.isInSet(node.marks) : undefined;
    if (mark && author.isMine(String(mark.attrs.id))) return String(mark.attrs.id);
  }
  return null;
}

function proposeDeletion(out: Transaction, from: number, to: number, author: ProposalAuthor) {
  const mark: { from: number; to: number }[] = [];
  const remove: { from: number; to: number }[] = [];
  out.doc.nodesBetween(from, to, (node, pos) => {
    // One's own proposed paragraph struck whole goes whole (decision 033).
    const block = blockProposalOf(node);
    if (block && author.isMine(block) && pos >= from && pos + node.nodeSize <= to) {
      remove.push({ from: pos, to: pos + node.nodeSize });
      return false;
    }
    if (!node.isText) return true;
    const range = { from: Math.max(pos, from), to: Math.min(pos + node.nodeSize, to) };
    const insertion = s.marks.insertion.isInSet(node.marks);
    if (insertion) {
      if (author.isMine(String(insertion.attrs.id))) remove.push(range);
    } else if (!s.marks.deletion.isInSet(node.marks)) {
      mark.push(range);
    }
    return false;
  });
  if (mark.length > 0) {
    const id =
      adjacentOwnId(out.doc, mark[0]!.from, s.marks.deletion, author) ?? adjacentOwnId(out.doc, mark.at(-1)!.to, s.marks.deletion, author) ?? author.newId();
    for (const range of mark) out.addMark(range.from, range.to, s.marks.deletion.create({ id }));
  }
  // Back to front, so earlier ranges keep their positions.
  for (const range of remove.reverse()) out.delete(range.from, range.to);
}

/** Where inserted text goes: never between two characters of one deletion, but after it. */
function insertionPoint(doc: PMNode, pos: number): number {
  let at = pos;
  let $at = doc.resolve(at);
  const struck = (node: PMNode | null | undefined) => !!node?.isText && !!s.marks.deletion.isInSet(node.marks);
  while (struck($at.nodeBefore) && struck($at.nodeAfter)) {
    at += $at.nodeAfter!.nodeSize;
    $at = doc.resolve(at);
  }
  return at;
}

function proposeInsertion(out: Transaction, at: number, nodes: PMNode[], author: ProposalAuthor): number {
  // In one's own proposed paragraph, what one types is that proposal's text.
  const id = ownBlockAt(out.doc.resolve(at), author) ?? adjacentOwnId(out.doc, at, s.marks.insertion, author) ?? author.newId();
  const mark = s.marks.insertion.create({ id });
  const content = Fragment.fromArray(nodes.map((node) => node.mark(mark.addToSet(node.marks))));
  out.replace(at, at, new Slice(content, 0, 0));
  return content.size;
}
