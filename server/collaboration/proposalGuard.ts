// Who may only propose, and what a proposal may be (docs/decisions/020-proposals-as-marks.md),
// checked on a Yjs transaction the guard's replica ran. A proposal is an `insertion` or `deletion`
// mark holding an id; its author is whoever first used the id, as this server recorded it. A
// member who may only propose (propose mode, or inside a clause both parties agreed) may insert
// text carrying their own insertion mark, put their own deletion mark on existing text, delete
// text inside their own insertion and take their own deletion mark off; nothing else.
//
// Formatting in Yjs is positional: format items open and close a mark around the text they
// format, and y-prosemirror and Yjs itself add and tidy away redundant ones. So the rules are
// judged on what each piece of text carries before and after the transaction, not on which
// format items it made or removed: an honest editor's tidying changes no text's marks.
import * as Y from "yjs";
import type { ProposalKind, ProposalScope } from "../../shared/proposals/proposals";
import type { ClausePlace } from "../../shared/proposals/clauseMove";
import { movesProblem } from "./clauseMoveRules";
import type { ClausePlaces } from "./clausePlaces";
import { storedStruct } from "./storedStruct";

export interface ProposalOwner {
  /** Null for an id another negotiation uses. */
  authorId: string | null;
  kind: ProposalKind;
  open: boolean;
}

export interface ProposalRules {
  senderId: string;
  /** Propose mode: every edit by this sender is a proposal. */
  proposeOnly: boolean;
  /** Clauses both parties agreed: only proposals there, whatever the mode. */
  protectedClauses: ReadonlySet<string>;
  /** The recorded proposal holding this id, if any. */
  owner(id: string): ProposalOwner | undefined;
  /**
   * Whether the clause reads exactly as before the transaction (its attributes aside): then it was
   * moved or relinked, not edited. Asked only when an edit of an agreed clause would be refused.
   */
  intact?(clauseId: string): boolean;
  /** The proposal id the clause's attribute held before the transaction: a moved clause takes it along. */
  attributeBefore?(clauseId: string, key: ClauseProposalKey | MoveKey): string | null;
  /** The schedule's places and clauses before and after the transaction: asked only when it touches a move proposal. */
  places?(): { before: ClausePlaces; after: ClausePlaces };
}

/** The clause attributes that propose adding or removing the whole clause (decision 027). */
export type ClauseProposalKey = "insertion" | "deletion";
const clauseKinds: Record<ClauseProposalKey, ProposalKind> = { insertion: "insert", deletion: "delete" };
/** Elements proposed whole by an attribute: clauses added or removed; paragraphs, list items and sections added (decision 033). */
const wholeProposalKeys: Record<string, readonly string[] | undefined> = {
  clause: ["insertion", "deletion"],
  paragraph: ["insertion"],
  list_item: ["insertion"],
  table: ["insertion"],
  section: ["insertion"],
};
const isBlock = (element: Y.XmlElement) => element.nodeName === "paragraph" || element.nodeName === "list_item" || element.nodeName === "table";
const scopeOf = (element: Y.XmlElement): ProposalScope => (element.nodeName === "clause" ? "clause" : element.nodeName === "section" ? "section" : "block");
/** An item that sets or held one of these attributes. */
const isClauseProposalItem = (item: Y.Item) =>
  item.parent instanceof Y.XmlElement && item.parentSub !== null && !!wholeProposalKeys[item.parent.nodeName]?.includes(item.parentSub);

/** The clause attributes of a move proposal (decision 031). */
type MoveKey = "moved" | "movedFrom";
const isMoveItem = (item: Y.Item) =>
  item.parent instanceof Y.XmlElement && item.parent.nodeName === "clause" && (item.parentSub === "moved" || item.parentSub === "movedFrom");

/** An id the transaction used first: recorded for the sender once the update is admitted. */
export interface NewProposal {
  id: string;
  kind: ProposalKind;
  scope: ProposalScope;
  /** Where the mark sits; null in a section heading. */
  clauseId: string | null;
  /** A move (decision 031): where the clause stood, as the server's copy had it. */
  movedFrom?: ClausePlace;
}

export type ProposalCheck = { problem: string } | { problem: null; proposals: NewProposal[] };

const markKinds: Record<string, ProposalKind | undefined> = { insertion: "insert", deletion: "delete", modification: "format" };

/** The proposal id a mark value holds (the schema's shape is checked by transactionShape.ts). */
const markId = (value: unknown): string | null => {
  const id = value !== null && typeof value === "object" ? (value as { id?: unknown }).id : undefined;
  return typeof id === "string" ? id : null;
};

/** Any Yjs type, as far as finding where it lies goes (its item names its parent). */
interface Placed {
  _item: Y.Item | null;
}

const isNew = (tr: Y.Transaction, item: Y.Item) => item.id.clock >= (tr.beforeState.get(item.id.client) ?? 0);

const parentOf = (type: Placed): Placed | null => (type._item?.parent as Placed | undefined) ?? null;

/** The clause element `type` is or lies in, else null. */
function clauseElementOf(type: Placed): Y.XmlElement | null {
  for (let t: Placed | null = type; t; t = parentOf(t)) if (t instanceof Y.XmlElement && t.nodeName === "clause") return t;
  return null;
}

/** The string an attribute's item holds, whether or not it has been removed since. */
function valueOf(item: Y.Item | undefined): string | null {
  const value = item?.content instanceof Y.ContentAny ? item.content.getContent()[0] : undefined;
  return typeof value === "string" ? value : null;
}

/** An attribute as the transaction found or left it: removed before it, it is gone; removed by it (with its clause, say), it is read. */
function attributeIn(tr: Y.Transaction, element: Y.XmlElement, key: string): string | null {
  const item = element._map.get(key);
  return item && (!item.deleted || Y.isDeleted(tr.deleteSet, item.id)) ? valueOf(item) : null;
}

/** The id of the clause `type` lies in (read even when the clause was deleted just now), else null. */
export function clauseOf(type: Placed): string | null {
  const clause = clauseElementOf(type);
  return clause && valueOf(clause._map.get("id"));
}

export function checkProposals(tr: Y.Transaction, rules: ProposalRules): ProposalCheck {
  const { senderId } = rules;
  const registered = new Map<string, NewProposal>();
  const ownerOf = (id: string): ProposalOwner | undefined => {
    const mine = registered.get(id);
    return mine ? { authorId: senderId, kind: mine.kind, open: true } : rules.owner(id);
  };
  const clauses = new Map<Placed, string | null>();
  const clauseAt = (type: Placed) => {
    if (!clauses.has(type)) clauses.set(type, clauseOf(type));
    return clauses.get(type)!;
  };
  /** Agreed clauses the transaction touched, while editing together. */
  const touched = new Set<string>();
  const isOwn = (id: string | null) => {
    const owner = id === null ? undefined : ownerOf(id);
    return !!owner && owner.authorId === senderId && owner.open;
  };
  // Inside a clause the sender proposed whole, the sender writes freely: it is all their proposal.
  // Asked per item, so each clause's answer (an SQLite look-up of its id) is kept.
  const ownClauses = new Map<Y.XmlElement, boolean>();
  const inOwnProposedClause = (type: Placed) => {
    const clause = clauseElementOf(type);
    if (!clause) return false;
    if (!ownClauses.has(clause)) ownClauses.set(clause, isOwn(attributeIn(tr, clause, "insertion")));
    return ownClauses.get(clause)!;
  };
  // A paragraph, list item or section the sender proposed new may hold new elements and lose them
  // (its own, a list item's paragraph, a section's heading); its text is judged as text, carrying
  // the proposal's marks.
  const ownBlocks = new Map<Y.XmlElement, boolean>();
  const inOwnProposedBlock = (type: Placed) => {
    for (let t: Placed | null = type; t && !(t instanceof Y.XmlElement && t.nodeName === "clause"); t = parentOf(t)) {
      if (!(t instanceof Y.XmlElement) || !(isBlock(t) || t.nodeName === "section")) continue;
      if (!ownBlocks.has(t)) {
        const id = attributeIn(tr, t, "insertion");
        ownBlocks.set(t, id !== null && isOwn(id));
      }
      if (ownBlocks.get(t)) return true;
    }
    return false;
  };
  const ownElement = (type: Placed) => inOwnProposedClause(type) || inOwnProposedBlock(type);
  const strictAt = (type: Placed) => strictArea(type) && !inOwnProposedClause(type);
  const strictArea = (type: Placed) => {
    if (rules.proposeOnly) return true;
    if (rules.protectedClauses.size === 0) return false;
    const clause = clauseAt(type);
    if (clause === null || !rules.protectedClauses.has(clause)) return false;
    touched.add(clause);
    return true;
  };
  // Editing together, moving an agreed clause (y-prosemirror deletes and recreates it) or
  // relinking it changes no agreed text; that is what the rules below cannot see item by item.
  const unlessIntact = (problem: string): ProposalCheck =>
    !rules.proposeOnly && rules.intact && [...touched].every((id) => rules.intact!(id)) ? { problem: null, proposals: [...registered.values()] } : { problem };
  /** Text runs judged by every rule; and those where only a proposal id that is not the sender's may not newly appear. */
  const texts = new Set<Y.XmlText>();
  const idChecked = new Set<Y.XmlText>();
  let strictProblem: string | null = null;
  let attributeRemoved: string | null = null;

  const added: Y.Item[] = [];
  for (const [client, after] of tr.afterState) {
    const before = tr.beforeState.get(client) ?? 0;
    if (after <= before) continue;
    const structs = tr.doc.store.clients.get(client)!;
    for (let i = Y.findIndexSS(structs, before); i < structs.length && structs[i]!.id.clock < after; i++) {
      const item = structs[i]!;
      if (item instanceof Y.Item && !item.deleted) added.push(item);
    }
  }

  // A clause moved as it is, as a proposal (decision 031): judged on the clauses' places alone.
  let movesTouched = added.some(isMoveItem);
  if (!movesTouched)
    Y.iterateDeletedStructs(tr, tr.deleteSet, (struct) => {
      if (struct instanceof Y.Item && !isNew(tr, struct) && isMoveItem(struct)) movesTouched = true;
    });
  if (movesTouched && rules.places) {
    const { before, after } = rules.places();
    const moves = movesProblem(before, after, rules, isOwn, ownerOf);
    if (moves.problem === null) return { problem: null, proposals: moves.proposals };
    // Not a move alone: the rules below judge it, and a move proposal only travels with its clause.
    if (!moves.mixed) return { problem: moves.problem };
    for (const item of added)
      if (isMoveItem(item)) {
        const clauseId = valueOf((item.parent as Y.XmlElement)._map.get("id"));
        if (clauseId === null || rules.attributeBefore?.(clauseId, item.parentSub as MoveKey) !== valueOf(item))
          return { problem: "a clause is proposed moved only as it is moved" };
      }
  }

  // Whole clauses proposed first: what lies inside the sender's own proposed clause is theirs to write.
  for (const item of added) {
    if (!isClauseProposalItem(item)) continue;
    const problem = clauseAttributeProblem(tr, item.parent as Y.XmlElement, item.parentSub as ClauseProposalKey, valueOf(item), rules, ownerOf, registered);
    if (problem) return { problem };
  }
  for (const item of added) {
    if (isClauseProposalItem(item)) continue;
    const parent = item.parent as Placed;
    const content = item.content;
    if (content instanceof Y.ContentFormat && parent instanceof Y.XmlText) {
      const kind = markKinds[content.key];
      const id = kind ? markId(content.value) : null;
      if (kind && id) {
        const owner = ownerOf(id);
        if (!owner) registered.set(id, { id, kind, scope: "text", clauseId: clauseAt(parent) });
        else if (owner.kind !== kind) return { problem: "a proposal id names one kind of proposal" };
        // y-prosemirror rewrites the marks around an edit, others' included: whether that put
        // someone else's id on text is judged on the text.
        else if (owner.authorId !== senderId || !owner.open) idChecked.add(parent);
      }
    }
    // The attributes of the sender's own new section or paragraph (its id) are theirs to set.
    if (!strictAt(parent) || (item.parentSub !== null && inOwnProposedBlock(parent))) continue;
    if (parent instanceof Y.XmlText && item.parentSub === null && (content instanceof Y.ContentString || content instanceof Y.ContentFormat)) texts.add(parent);
    // A new run of text in an existing block: what it holds is judged as text; a new clause the
    // sender proposes whole is theirs.
    else if (!(content instanceof Y.ContentType && item.parentSub === null && (content.type instanceof Y.XmlText || ownElement(content.type))))
      strictProblem ??= "only proposals may change this text (no new elements or attributes)";
  }

  Y.iterateDeletedStructs(tr, tr.deleteSet, (struct) => {
    if (!(struct instanceof Y.Item) || isNew(tr, struct)) return;
    const parent = struct.parent as Placed;
    if (isMoveItem(struct) && parent instanceof Y.XmlElement) {
      // Taken off with the clause still there: only a decision does that, or a move back (above).
      if (!parent._item?.deleted && strictArea(parent) && parent.getAttribute(struct.parentSub!) !== valueOf(struct))
        attributeRemoved ??= "a move proposal is accepted or rejected, not taken off";
      return;
    }
    if (isClauseProposalItem(struct) && parent instanceof Y.XmlElement) {
      // Removed with its clause, the clause's removal is what is judged.
      // Not a move (that deletes the clause): no "intact" excuses it.
      if (parent._item?.deleted) return;
      if (strictArea(parent)) attributeRemoved ??= clauseAttributeRemovalProblem(parent, struct, isOwn);
      return;
    }
    if (!strictAt(parent) || (struct.parentSub !== null && inOwnProposedBlock(parent))) return;
    const content = struct.content;
    if (parent instanceof Y.XmlText && struct.parentSub === null && (content instanceof Y.ContentString || content instanceof Y.ContentFormat))
      texts.add(parent);
    // A deleted run's text is in the delete set too, and judged as text; the sender may take back
    // a clause they proposed whole.
    else if (!(content instanceof Y.ContentType && (content.type instanceof Y.XmlText || ownElement(content.type))))
      strictProblem ??= "only proposals may change this text (nothing may be removed)";
  });

  if (attributeRemoved) return { problem: attributeRemoved };
  for (const text of idChecked) {
    const found = texts.has(text) ? null : textProblem(tr, text, isOwn, false);
    if (found) return { problem: found };
  }
  if (!strictProblem) for (const text of texts) strictProblem ??= textProblem(tr, text, isOwn, true);
  return strictProblem ? unlessIntact(strictProblem) : { problem: null, proposals: [...registered.values()] };
}

/**
 * A clause attribute proposing the whole clause (decision 027), or a paragraph's or list item's
 * proposing it new (decision 033), set by this transaction. A new id becomes the sender's
 * proposal: to add a clause or paragraph only as it is added, to remove a clause at any time.
 * Someone else's or a decided id only where the clause carried it before (y-prosemirror moves a
 * clause by deleting and recreating it, attributes and all).
 */
function clauseAttributeProblem(
  tr: Y.Transaction,
  clause: Y.XmlElement,
  key: ClauseProposalKey,
  id: string | null,
  rules: ProposalRules,
  ownerOf: (id: string) => ProposalOwner | undefined,
  registered: Map<string, NewProposal>,
): string | null {
  if (id === null) return null;
  const kind = clauseKinds[key];
  const clauseId = valueOf(clause._map.get("id"));
  const owner = ownerOf(id);
  const scope = scopeOf(clause);
  const carried = scope === "clause" && clauseId !== null && rules.attributeBefore?.(clauseId, key) === id;
  if (!owner) {
    if (key === "insertion" && !(clause._item && isNew(tr, clause._item)) && !carried)
      return "a clause, paragraph or section is proposed as new only when it is added";
    registered.set(id, { id, kind, scope, clauseId: scope === "clause" ? clauseId : scope === "block" ? clauseOf(clause) : null });
    return null;
  }
  // A new section's clauses carry its id: the proposal is the section's, whichever came first.
  const mine = registered.get(id);
  if (mine && scope === "section") Object.assign(mine, { scope, clauseId: null });
  if (owner.kind !== kind) return "a proposal id names one kind of proposal";
  if ((owner.authorId !== rules.senderId || !owner.open) && !carried) return "the proposal id belongs to someone else's proposal, or to a decided one";
  return null;
}

/**
 * A clause attribute proposing the whole clause, taken off (its clause stays) where the sender may
 * only propose: only their own proposal to remove it, taken back. A proposed clause is accepted or
 * rejected, not taken into the schedule by its author.
 */
function clauseAttributeRemovalProblem(clause: Y.XmlElement, removed: Y.Item, isOwn: (id: string | null) => boolean): string | null {
  const key = removed.parentSub as ClauseProposalKey;
  const id = valueOf(removed);
  const now = clause._map.get(key);
  if (id === null || (now && !now.deleted && valueOf(now) === id)) return null;
  if (key === "deletion" && isOwn(id)) return null;
  return key === "insertion"
    ? "a proposed clause or paragraph is accepted or rejected, not taken in by its author"
    : "only the sender's own deletion proposals may be taken off";
}

/**
 * What each piece of text in `text` carried before and after the transaction, against the rules;
 * not strict (the sender edits freely here), only against taking on someone else's proposal id.
 * Yjs items are one explanation of the change; y-prosemirror diffs strings, so typing a letter
 * next to the same letter can land on the neighbour's item and shift the marks by one. When the
 * items do not explain the change as allowed, the text itself is compared: what counts is
 * whether an allowed edit turns the old text into the new.
 */
function textProblem(tr: Y.Transaction, text: Y.XmlText, isOwn: (id: string | null) => boolean, strict: boolean): string | null {
  const { problem, before, after } = walkText(tr, text, isOwn, strict);
  return problem && textDiffProblem(before, after, isOwn, strict) ? problem : null;
}

interface Letter {
  char: string;
  attrs: ReadonlyMap<string, unknown>;
  /** The attributes as a string, to compare letters. */
  key: string;
}

function walkText(tr: Y.Transaction, text: Y.XmlText, isOwn: (id: string | null) => boolean, strict: boolean) {
  const before = new Map<string, unknown>();
  const after = new Map<string, unknown>();
  const letters = { before: [] as Letter[], after: [] as Letter[] };
  const set = (attrs: Map<string, unknown>, key: string, value: unknown) => (value === null ? attrs.delete(key) : attrs.set(key, value));
  const spell = (into: Letter[], str: string, attrs: Map<string, unknown>) => {
    const frozen = new Map(attrs);
    const key = JSON.stringify([...frozen].sort(([x], [y]) => (x < y ? -1 : 1)));
    for (const char of str) into.push({ char, attrs: frozen, key });
  };
  let problem: string | null = null;
  for (let n = text._start; n; n = n.right) {
    const added = isNew(tr, n);
    const liveBefore = !added && (!n.deleted || Y.isDeleted(tr.deleteSet, n.id));
    const liveAfter = !n.deleted;
    if (n.content instanceof Y.ContentFormat) {
      if (liveBefore) set(before, n.content.key, n.content.value);
      if (liveAfter) set(after, n.content.key, n.content.value);
      continue;
    }
    if (!(n.content instanceof Y.ContentString)) continue;
    if (liveBefore) spell(letters.before, n.content.str, before);
    if (liveAfter) spell(letters.after, n.content.str, after);
    problem ??= itemProblem(liveBefore, liveAfter, before, after, isOwn, strict);
  }
  return { problem, ...letters };
}

function itemProblem(
  liveBefore: boolean,
  liveAfter: boolean,
  before: Map<string, unknown>,
  after: Map<string, unknown>,
  isOwn: (id: string | null) => boolean,
  strict: boolean,
): string | null {
  if (!strict) {
    if (liveBefore && liveAfter && proposalMarkKeys.some((key) => idTaken(before, after, key, isOwn)))
      return "the proposal id belongs to someone else's proposal, or to a decided one";
    return null;
  }
  if (!liveBefore && liveAfter && !isOwn(markId(after.get("insertion")))) return "inserted text must carry the sender's own insertion proposal";
  if (liveBefore && !liveAfter && !isOwn(markId(before.get("insertion"))))
    return "only text inside the sender's own insertion may be deleted; propose a deletion instead";
  if (liveBefore && liveAfter) return formattingProblem(before, after, isOwn);
  return null;
}

/**
 * The old and new text, letter by letter with their marks: what is the same at both ends is
 * kept; the rest in between must be own insertions removed and added, or the same letters with
 * allowed changes of marks. Not strict: no one else's proposal id may cover more letters.
 */
function textDiffProblem(before: Letter[], after: Letter[], isOwn: (id: string | null) => boolean, strict: boolean): boolean {
  const same = (x: Letter, y: Letter) => x.char === y.char && x.key === y.key;
  let start = 0;
  while (start < before.length && start < after.length && same(before[start]!, after[start]!)) start++;
  let endBefore = before.length;
  let endAfter = after.length;
  while (endBefore > start && endAfter > start && same(before[endBefore - 1]!, after[endAfter - 1]!)) {
    endBefore--;
    endAfter--;
  }
  const gone = before.slice(start, endBefore);
  const come = after.slice(start, endAfter);
  if (!strict) {
    const gained = new Map<string, number>();
    const count = (letters: Letter[], by: number) => {
      for (const l of letters)
        for (const key of proposalMarkKeys) {
          const id = markId(l.attrs.get(key));
          if (id !== null && !isOwn(id)) gained.set(id, (gained.get(id) ?? 0) + by);
        }
    };
    count(come, 1);
    count(gone, -1);
    return [...gained.values()].some((n) => n > 0);
  }
  const ownInsertion = (l: Letter) => isOwn(markId(l.attrs.get("insertion")));
  if (gone.every(ownInsertion) && come.every(ownInsertion)) return false;
  const remarked =
    gone.length === come.length && gone.every((l, i) => l.char === come[i]!.char && !formattingProblem(new Map(l.attrs), new Map(come[i]!.attrs), isOwn));
  return !remarked;
}

/** Whether existing text newly carries a proposal id under `key` that is not the sender's own open one. */
const idTaken = (before: Map<string, unknown>, after: Map<string, unknown>, key: string, isOwn: (id: string | null) => boolean) => {
  const now = markId(after.get(key));
  return now !== null && now !== markId(before.get(key)) && !isOwn(now);
};

const proposalMarkKeys = ["insertion", "deletion", "modification"] as const;

function formattingProblem(before: Map<string, unknown>, after: Map<string, unknown>, isOwn: (id: string | null) => boolean): string | null {
  const inserted = markId(before.get("insertion"));
  if (inserted !== markId(after.get("insertion"))) return "an insertion proposal is accepted or rejected, not edited away";
  const deletedBefore = markId(before.get("deletion"));
  const deletedAfter = markId(after.get("deletion"));
  if (deletedBefore !== deletedAfter && !((deletedBefore === null && isOwn(deletedAfter)) || (deletedAfter === null && isOwn(deletedBefore))))
    return "only the sender's own deletion proposals may be put on or taken off";
  // Formatting one's own inserted text is part of writing the proposal; elsewhere it is a change.
  if (isOwn(inserted)) return null;
  return reformattingProblem(before, after, isOwn);
}

/**
 * Formatting changed on existing text must be the sender's own formatting proposal, recording the
 * formatting the text had before it (decision 030): the text's formatting when the proposal is
 * new, and the same record as long as it is open. The proposal goes only when the text is back as
 * the record has it (the author taking it back by hand); accepting or rejecting is the server's.
 */
function reformattingProblem(before: Map<string, unknown>, after: Map<string, unknown>, isOwn: (id: string | null) => boolean): string | null {
  const styleBefore = formattingKey(before);
  const styleAfter = formattingKey(after);
  const proposedBefore = before.get("modification") as { id?: unknown; was?: unknown } | undefined;
  const proposedAfter = after.get("modification") as { id?: unknown; was?: unknown } | undefined;
  const idBefore = markId(proposedBefore);
  const idAfter = markId(proposedAfter);
  const recordBefore = idBefore === null ? null : wasKey(proposedBefore!.was);
  const recordAfter = idAfter === null ? null : wasKey(proposedAfter!.was);
  if (idBefore === idAfter && recordBefore === recordAfter) {
    return styleBefore === styleAfter || isOwn(idAfter) ? null : "formatting existing text is a proposal: it must carry the sender's own formatting proposal";
  }
  if (idBefore !== null && !isOwn(idBefore)) return "someone else's formatting proposal is accepted or rejected, not changed";
  if (idAfter === null) return styleAfter === recordBefore ? null : "a formatting proposal is accepted or rejected, not edited away";
  if (!isOwn(idAfter)) return "the proposal id belongs to someone else's proposal, or to a decided one";
  // A new record, or one's own proposal carried on under another id: the formatting before is what it was.
  return recordAfter === (recordBefore ?? styleBefore) ? null : "a formatting proposal records the formatting the text had";
}

const formattingKeys = ["bold", "italic", "link"] as const;

/** Bold, italic and link as a piece of text carries them, comparable with a formatting proposal's record. */
function formattingKey(attrs: Map<string, unknown>): string {
  return JSON.stringify(formattingKeys.map((key) => (attrs.has(key) ? (key === "link" ? String((attrs.get(key) as { href?: unknown }).href) : true) : null)));
}

/** A formatting proposal's `was` (its shape checked by the schema check) in the same form as formattingKey. */
function wasKey(was: unknown): string {
  const list = Array.isArray(was) ? (was as { type: string; attrs?: { href?: unknown } }[]) : [];
  return JSON.stringify(
    formattingKeys.map((key) => {
      const mark = list.find((m) => m.type === key);
      return mark ? (key === "link" ? String(mark.attrs?.href) : true) : null;
    }),
  );
}

/**
 * Whether a keystroke update (plainTyping.ts) places or deletes text inside one of `clauseIds`:
 * then it must take the long way through checkProposals. It looks at the few items the update
 * names as neighbours and deletes, so typing outside those clauses stays as cheap as before.
 */
export function reachesClauses(update: ReturnType<typeof Y.decodeUpdate>, room: Y.Doc, clauseIds: ReadonlySet<string>): boolean {
  const inside = (struct: Y.Item | Y.GC | null) => struct instanceof Y.Item && clauseIds.has(clauseOf(struct.parent as Placed) ?? "");
  for (const struct of update.structs) {
    if (!(struct instanceof Y.Item)) continue;
    if (struct.origin && inside(storedStruct(room.store, struct.origin))) return true;
    if (struct.rightOrigin && inside(storedStruct(room.store, struct.rightOrigin))) return true;
  }
  for (const [client, ranges] of update.ds.clients) {
    const structs = room.store.clients.get(client);
    if (!structs) continue;
    const known = Y.getState(room.store, client);
    for (const { clock, len } of ranges) {
      if (clock >= known) continue;
      for (let i = Y.findIndexSS(structs, clock); i < structs.length && structs[i]!.id.clock < clock + len; i++) if (inside(structs[i]!)) return true;
    }
  }
  return false;
}
