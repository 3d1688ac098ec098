import { test } from "node:test";
import assert from "node:assert/strict";
import { EditorState, TextSelection, type Command, type Transaction } from "prosemirror-state";
import { Slice, Fragment, type Node as PMNode } from "prosemirror-model";
import { scheduleSchema as s } from "./schema";
import { buildScheduleDoc } from "./scheduleTemplate";
import { proposalTransaction, type ProposalAuthor } from "./proposalTransform";
import { deleteClause, insertClause, insertSection, moveClause } from "./commands";
import { joinBackward, splitBlock } from "prosemirror-commands";
import { splitListItem } from "prosemirror-schema-list";
import { isProtectedClause, proposalsInDoc } from "./proposalMarks";
import { withoutProposals } from "../agreements/contentHash";
import { clauseHash, clauseHashes } from "../agreements/contentHash";
import { structureHash } from "../agreements/scheduleStructure";
import type { PartyDecision } from "../agreements/clauseStatus";
import type { Party } from "../roles";

const doc = buildScheduleDoc({ sections: [{ heading: "Access", clauses: [{ heading: "MFA", requirement: null, body: ["Use strong keys."] }] }] });

/** Position of the `n`th character of `text` in the body paragraph. */
function at(state: EditorState, text: string, offset = 0): number {
  let found = -1;
  state.doc.descendants((node, pos) => {
    if (found < 0 && node.isText && node.text!.includes(text) && state.doc.resolve(pos).parent.type === s.nodes.paragraph) {
      found = pos + node.text!.indexOf(text) + offset;
    }
  });
  assert.ok(found >= 0, `"${text}" is in the body`);
  return found;
}

/** An author who owns the ids they minted: p1, p2, … (or with another prefix). */
function author(prefix = "p"): ProposalAuthor & { minted: string[] } {
  const minted: string[] = [];
  return {
    minted,
    isMine: (id) => minted.includes(id),
    newId: () => {
      const id = `${prefix}${minted.length + 1}`;
      minted.push(id);
      return id;
    },
  };
}

function stateAt(base: PMNode, pos: number, to = pos) {
  return EditorState.create({ doc: base, selection: TextSelection.create(base, pos, to) });
}

/** A command's transaction, as the member's editor turns it into proposals. */
function applyCommand(state: EditorState, command: Command, who: ProposalAuthor): EditorState {
  let made: Transaction | null = null;
  assert.ok(
    command(state, (tr) => (made = tr)),
    "the command applies",
  );
  const proposed = proposalTransaction(state, made!, who);
  assert.ok(proposed, "the edit has a proposal form");
  return state.apply(proposed);
}

function propose(state: EditorState, edit: (tr: Transaction) => void, who: ProposalAuthor): EditorState {
  const tr = state.tr;
  edit(tr);
  const proposed = proposalTransaction(state, tr, who);
  assert.ok(proposed, "the edit has a proposal form");
  return state.apply(proposed);
}

/** The body as `[+inserted:id]` and `[-deleted:id]` runs between plain text. */
function body(state: EditorState): string {
  let out = "";
  state.doc.descendants((node, pos) => {
    if (!node.isText || state.doc.resolve(pos).parent.type !== s.nodes.paragraph) return true;
    const ins = s.marks.insertion.isInSet(node.marks);
    const del = s.marks.deletion.isInSet(node.marks);
    out += ins ? `[+${node.text}:${ins.attrs.id}]` : del ? `[-${node.text}:${del.attrs.id}]` : node.text;
    return false;
  });
  return out;
}

function typeText(state: EditorState, text: string, who: ProposalAuthor): EditorState {
  let next = state;
  for (const char of text) next = propose(next, (tr) => tr.insertText(char), who);
  return next;
}

test("typing inserts proposed text, one proposal while typing on", () => {
  const who = author();
  let state = stateAt(doc, at(stateAt(doc, 1), "keys"));
  state = typeText(state, "long ", who);
  assert.equal(body(state), "Use strong [+long :p1]keys.");
  assert.deepEqual(who.minted, ["p1"]);
  assert.equal(state.selection.from, at(state, "keys"), "the caret follows the typing");
});

test("deleting marks the text instead of removing it; Backspace and Delete go on from there", () => {
  const who = author();
  let state = stateAt(doc, at(stateAt(doc, 1), " keys"));
  for (let i = 0; i < 6; i++) state = propose(state, (tr) => tr.delete(state.selection.from - 1, state.selection.from), who);
  assert.equal(body(state), "Use [-strong:p1] keys.");
  state = stateAt(state.doc, at(state, " keys"));
  for (let i = 0; i < 5; i++) state = propose(state, (tr) => tr.delete(state.selection.from, state.selection.from + 1), who);
  assert.equal(body(state), "Use [-strong keys:p1].", "a forward deletion next to one's own continues it");
  assert.deepEqual(who.minted, ["p1"]);
});

test("replacing a selection is a deletion and an insertion after it, two proposals", () => {
  const who = author();
  const base = stateAt(doc, 1);
  let state = stateAt(doc, at(base, "strong"), at(base, "strong", 6));
  state = propose(state, (tr) => tr.insertText("long"), who);
  assert.equal(body(state), "Use [-strong:p1][+long:p2] keys.");
  state = typeText(state, "er", who);
  assert.equal(body(state), "Use [-strong:p1][+longer:p2] keys.");
});

test("removing one's own proposed text removes it; another member's proposals are left alone", () => {
  const mine = author();
  let state = stateAt(doc, at(stateAt(doc, 1), "keys"));
  state = typeText(state, "long ", mine);
  const theirs = author("q");
  state = typeText(stateAt(state.doc, at(state, "Use", 3)), " very", theirs);
  assert.equal(body(state), "Use[+ very:q1] strong [+long :p1]keys.");
  const everything = stateAt(state.doc, at(state, "Use"), at(state, "keys."));
  const deleteAll = (who: ProposalAuthor) => propose(everything, (tr) => tr.delete(everything.selection.from, everything.selection.to), who);
  assert.equal(body(deleteAll(theirs)), "[-Use strong :q2][+long :p1]keys.", "their own insertion goes, the other's stays unmarked");
  assert.equal(body(deleteAll(mine)), "[-Use:p2][+ very:q1][- strong :p2]keys.", "and the other way round");
});

test("typing never lands inside a deletion", () => {
  const who = author();
  let state = stateAt(doc, at(stateAt(doc, 1), "strong"), at(stateAt(doc, 1), "strong", 6));
  state = propose(state, (tr) => tr.delete(state.selection.from, state.selection.to), who);
  state = stateAt(state.doc, at(state, "strong", 3));
  state = propose(state, (tr) => tr.insertText("X"), who);
  assert.equal(body(state), "Use [-strong:p1][+X:p2] keys.");
});

/** Each paragraph of the body, as `body` spells it, with `¶id:` in front of one proposed whole. */
function paragraphs(state: EditorState): string[] {
  const out: string[] = [];
  state.doc.descendants((node, pos) => {
    if (node.type !== s.nodes.paragraph) return true;
    const one = stateAt(
      state.doc.type.create(
        null,
        s.nodes.section.create(null, [s.nodes.section_heading.create(), s.nodes.clause.create(null, [s.nodes.clause_heading.create(), node])]),
      ),
      1,
    );
    const whole = node.attrs.insertion ?? state.doc.resolve(pos).parent.attrs.insertion;
    out.push(`${whole ? `¶${whole}:` : ""}${body(one)}`);
    return false;
  });
  return out;
}

test("Enter proposes a new paragraph: the text after the caret struck here and proposed there, one proposal", () => {
  const who = author();
  let state = stateAt(doc, at(stateAt(doc, 1), " keys"));
  state = applyCommand(state, splitBlock, who);
  assert.deepEqual(paragraphs(state), ["Use strong[- keys.:p2]", "¶p1:[+ keys.:p1]"]);
  assert.equal(state.selection.$from.parentOffset, 0, "the caret is at the start of the new paragraph");
  assert.equal(state.selection.$from.parent.attrs.insertion, "p1");
  const found = proposalsInDoc(state.doc).get("p1");
  assert.deepEqual(found && { kind: found.kind, scope: found.scope, text: found.text }, { kind: "insert", scope: "block", text: " keys." });
  // Until the other side accepts, the clause reads as agreed.
  assert.equal(clauseHash(state.doc.firstChild!.child(1)), clauseHash(doc.firstChild!.child(1)));
});

test("in one's own new paragraph, typing, Enter and Backspace stay in that proposal", () => {
  const who = author();
  let state = stateAt(doc, at(stateAt(doc, 1), "keys.", 5));
  state = applyCommand(state, splitBlock, who);
  assert.deepEqual(paragraphs(state), ["Use strong keys.", "¶p1:"]);
  state = propose(state, (tr) => tr.insertText("Keys rotate."), who);
  assert.deepEqual(paragraphs(state), ["Use strong keys.", "¶p1:[+Keys rotate.:p1]"]);
  state = stateAt(state.doc, at(state, " rotate."));
  state = applyCommand(state, splitBlock, who);
  assert.deepEqual(paragraphs(state), ["Use strong keys.", "¶p1:[+Keys:p1]", "¶p1:[+ rotate.:p1]"]);
  assert.equal(who.minted.length, 1, "one proposal for all of it");
  // Backspace at the start of the last one joins it to the one before, still proposed.
  state = applyCommand(state, joinBackward, who);
  assert.deepEqual(paragraphs(state), ["Use strong keys.", "¶p1:[+Keys rotate.:p1]"]);
  // Emptied and joined back, it is gone.
  state = stateAt(state.doc, at(state, "Keys rotate."), at(state, "Keys rotate.", 12));
  state = propose(state, (tr) => tr.deleteSelection(), who);
  assert.deepEqual(paragraphs(state), ["Use strong keys.", "¶p1:"]);
  state = applyCommand(state, joinBackward, who);
  assert.deepEqual(paragraphs(state), ["Use strong keys."]);
  assert.ok(state.doc.eq(doc));
});

test("someone else's new paragraph is not taken back or written in as one's own", () => {
  let state = stateAt(doc, at(stateAt(doc, 1), "keys.", 5));
  state = applyCommand(state, splitBlock, author());
  const other = author("q");
  state = applyCommand(state, joinBackward, other);
  assert.deepEqual(paragraphs(state), ["Use strong keys.", "¶p1:"]);
  state = propose(state, (tr) => tr.insertText("Mine"), other);
  assert.deepEqual(paragraphs(state), ["Use strong keys.", "¶p1:[+Mine:q1]"]);
});

test("Enter in a list item proposes a new list item", () => {
  const listDoc = doc.type.create(null, [
    s.nodes.section.create({ id: "s1" }, [
      s.nodes.section_heading.create(null, s.text("Access")),
      s.nodes.clause.create({ id: "c1" }, [
        s.nodes.clause_heading.create(null, s.text("Locations")),
        s.nodes.bullet_list.create(null, [s.nodes.list_item.create(null, s.nodes.paragraph.create(null, s.text("Amsterdam")))]),
      ]),
    ]),
  ]);
  const who = author();
  let state = stateAt(listDoc, at(stateAt(listDoc, 1), "Amsterdam", 9));
  state = applyCommand(state, splitListItem(s.nodes.list_item), who);
  state = propose(state, (tr) => tr.insertText("Utrecht"), who);
  const list = state.doc.firstChild!.child(1).child(1);
  assert.equal(list.childCount, 2);
  assert.equal(list.child(1).attrs.insertion, "p1");
  assert.deepEqual(paragraphs(state), ["Amsterdam", "¶p1:[+Utrecht:p1]"]);
  assert.equal(clauseHash(state.doc.firstChild!.child(1)), clauseHash(listDoc.firstChild!.child(1)));
});

test("a split before a placeholder has no proposal form", () => {
  const state = stateAt(doc, at(stateAt(doc, 1), "keys"));
  const withBlank = state.apply(state.tr.insert(at(state, "keys.", 5), s.nodes.placeholder.create({ label: "amount" })));
  const split = stateAt(withBlank.doc, at(withBlank, "keys"));
  assert.equal(proposalTransaction(split, split.tr.split(split.selection.from), author()), null);
});

test("a table inserted while proposing is a new block: what is typed in its cells is that proposal", () => {
  const who = author();
  let state = stateAt(doc, at(stateAt(doc, 1), "keys"));
  const cell = () => s.nodes.table_cell.create(null, s.nodes.paragraph.create());
  const table = s.nodes.table.create(null, [s.nodes.table_row.create(null, [cell(), cell()])]);
  state = propose(state, (tr) => tr.insert(state.selection.$from.after(), table), who);
  const added = state.doc.firstChild!.child(1).child(2);
  assert.equal(added.type, s.nodes.table);
  assert.equal(added.attrs.insertion, "p1");
  let cellText = -1;
  state.doc.descendants((node, pos) => (node.type === s.nodes.table_cell && cellText < 0 ? ((cellText = pos + 2), false) : true));
  state = propose(stateAt(state.doc, cellText), (tr) => tr.insertText("4 hours"), who);
  assert.deepEqual(who.minted, ["p1"]);
  const found = proposalsInDoc(state.doc).get("p1");
  assert.deepEqual(found && [found.scope, found.text], ["block", "4 hours"]);
  assert.equal(clauseHash(state.doc.firstChild!.child(1)), clauseHash(doc.firstChild!.child(1)));
});

/** The body as runs with their formatting: `text{bold,italic}` and a formatting proposal as `~id<was>`. */
function formatted(state: EditorState): string {
  let out = "";
  state.doc.descendants((node, pos) => {
    if (!node.isText || state.doc.resolve(pos).parent.type !== s.nodes.paragraph) return true;
    const names = node.marks.filter((m) => ["bold", "italic", "link"].includes(m.type.name)).map((m) => m.type.name);
    const fmt = s.marks.modification.isInSet(node.marks);
    const was = fmt ? (fmt.attrs.was as { type: string }[]).map((m) => m.type).join(",") : "";
    const ins = s.marks.insertion.isInSet(node.marks);
    out += `[${node.text}${names.length ? `{${names.join(",")}}` : ""}${fmt ? `~${fmt.attrs.id}<${was}>` : ""}${ins ? `+${ins.attrs.id}` : ""}]`;
    return false;
  });
  return out;
}

test("formatting existing text is a proposal that remembers the formatting before; undoing it by hand takes it back", () => {
  const who = author();
  const base = stateAt(doc, 1);
  const strong = stateAt(doc, at(base, "strong"), at(base, "strong", 6));
  let state = propose(strong, (tr) => tr.addMark(strong.selection.from, strong.selection.to, s.marks.bold.create()), who);
  assert.equal(formatted(state), "[Use ][strong{bold}~p1<>][ keys.]");
  // Italic on a wider range: the bold word keeps its proposal (now also italic), the rest gets one new id.
  const wide = stateAt(state.doc, at(state, "Use"), at(state, "keys", 4));
  state = propose(wide, (tr) => tr.addMark(wide.selection.from, wide.selection.to, s.marks.italic.create()), who);
  assert.equal(formatted(state), "[Use {italic}~p2<>][strong{bold,italic}~p1<>][ keys{italic}~p2<>][.]");
  assert.deepEqual(who.minted, ["p1", "p2"], "one command, one proposal");
  // Taking bold and italic off "strong" again: it reads as before, and its proposal is gone.
  const back = stateAt(state.doc, at(state, "strong"), at(state, "strong", 6));
  state = propose(
    back,
    (tr) => tr.removeMark(back.selection.from, back.selection.to, s.marks.bold).removeMark(back.selection.from, back.selection.to, s.marks.italic),
    who,
  );
  assert.equal(formatted(state), "[Use {italic}~p2<>][strong][ keys{italic}~p2<>][.]");
  assert.equal(withoutProposals(state.doc.content).eq(doc.content), true, "without its proposals the text reads as it was");
});

test("formatting leaves others' proposals and struck text alone, and one's own new text is simply formatted", () => {
  const theirs = author("q");
  let state = stateAt(doc, at(stateAt(doc, 1), "Use"), at(stateAt(doc, 1), "Use", 3));
  state = propose(state, (tr) => tr.addMark(state.selection.from, state.selection.to, s.marks.bold.create()), theirs);
  const mine = author();
  state = typeText(stateAt(state.doc, at(state, "keys")), "long ", mine);
  const all = stateAt(state.doc, at(state, "Use"), at(state, "keys.", 5));
  state = propose(all, (tr) => tr.addMark(all.selection.from, all.selection.to, s.marks.italic.create()), mine);
  assert.equal(formatted(state), "[Use{bold}~q1<>][ strong {italic}~p2<>][long {italic}+p1][keys.{italic}~p2<>]");
  // A proposal removing formatting records it in `was`.
  const plain = stateAt(state.doc, at(state, "keys."), at(state, "keys.", 5));
  state = propose(plain, (tr) => tr.removeMark(plain.selection.from, plain.selection.to, s.marks.italic), author("r"));
  assert.equal(
    formatted(state),
    "[Use{bold}~q1<>][ strong {italic}~p2<>][long {italic}+p1][keys.{italic}~p2<>]",
    "someone else's formatting proposal is not changed on",
  );
});

test("taking formatting off is a proposal too, and `was` holds the link it removes", () => {
  const base = stateAt(doc, 1);
  const link = s.marks.link.create({ href: "https://example.org/mfa" });
  const linked = base.apply(
    base.tr.addMark(at(base, "strong"), at(base, "strong", 6), link).addMark(at(base, "strong"), at(base, "strong", 6), s.marks.bold.create()),
  );
  const who = author();
  const range = stateAt(linked.doc, at(linked, "strong"), at(linked, "strong", 6));
  const state = propose(range, (tr) => tr.removeMark(range.selection.from, range.selection.to, link), who);
  assert.equal(formatted(state), "[Use ][strong{bold}~p1<bold,link>][ keys.]");
  const proposal = s.marks.modification.isInSet(state.doc.nodeAt(at(state, "strong"))!.marks)!;
  assert.deepEqual(proposal.attrs.was, [{ type: "bold" }, { type: "link", attrs: { href: "https://example.org/mfa" } }]);
  assert.equal(withoutProposals(state.doc.content).eq(linked.doc.content), true);
});

test("pasted paragraphs become one proposed run", () => {
  const state = stateAt(doc, at(stateAt(doc, 1), "keys"));
  const pasted = new Slice(Fragment.from([s.nodes.paragraph.create(null, s.text("one")), s.nodes.paragraph.create(null, s.text("two"))]), 1, 1);
  const next = propose(state, (tr) => tr.replaceSelection(pasted), author());
  assert.equal(body(next), "Use strong [+one two:p1]keys.");
});

test("the proposals in a document, and the text as it stood before them", () => {
  const who = author();
  let state = stateAt(doc, at(stateAt(doc, 1), "strong"), at(stateAt(doc, 1), "strong", 6));
  state = propose(state, (tr) => tr.insertText("long"), who);
  const clause = state.doc.firstChild!.child(1);
  assert.deepEqual(
    [...proposalsInDoc(state.doc).values()].map((p) => [p.id, p.kind, p.text, p.clauseId === clause.attrs.id]),
    [
      ["p1", "delete", "strong", true],
      ["p2", "insert", "long", true],
    ],
  );
  const original = doc.firstChild!.child(1);
  assert.equal(clauseHash(clause.copy(withoutProposals(clause.content))), clauseHash(original));
  const decision = (party: Party, hash: string): PartyDecision => ({
    clauseId: clause.attrs.id as string,
    party,
    decision: "agreed",
    hash,
    userId: party,
    userName: party,
    at: 1,
    threadId: null,
    reason: null,
  });
  const agreed = new Map([
    [clause.attrs.id as string, { buyer: decision("buyer", clauseHash(original)), supplier: decision("supplier", clauseHash(original)) }],
  ]);
  assert.ok(isProtectedClause(original, agreed), "agreed as it stands");
  assert.ok(isProtectedClause(clause, agreed), "agreed before the open proposals");
  const onlyBuyer = new Map([[clause.attrs.id as string, { buyer: decision("buyer", clauseHash(original)) }]]);
  assert.ok(!isProtectedClause(original, onlyBuyer));
});

test("a whole clause added is proposed as a clause; removed, it stays, proposed for removal; one's own proposed clause really goes", () => {
  const me = author();
  const start = stateAt(doc, at(EditorState.create({ doc }), "strong"));
  const added = applyCommand(start, insertClause, me);
  const clauses = () => {
    const out: PMNode[] = [];
    added.doc.descendants((n) => (n.type === s.nodes.clause ? (out.push(n), false) : true));
    return out;
  };
  assert.deepEqual(
    clauses().map((c) => [c.attrs.insertion, c.attrs.deletion]),
    [
      [null, null],
      ["p1", null],
    ],
  );
  assert.equal(added.selection.$from.parent.type, s.nodes.clause_heading, "the caret is in the new clause's heading");
  assert.deepEqual(
    [...proposalsInDoc(added.doc).values()].map((p) => [p.id, p.kind, p.scope]),
    [["p1", "insert", "clause"]],
  );

  const inFirst = stateAt(added.doc, at(added, "strong"));
  const struck = applyCommand(inFirst, deleteClause, me);
  assert.equal(struck.doc.firstChild!.childCount, 3, "the first clause stays");
  assert.equal(struck.doc.firstChild!.child(1).attrs.deletion, "p2");
  assert.equal(withoutProposals(struck.doc.content).firstChild!.childCount, 2, "without proposals: the old clause, no new one");

  const inNew = EditorState.create({
    doc: struck.doc,
    selection: TextSelection.create(struck.doc, struck.doc.firstChild!.child(0).nodeSize + struck.doc.firstChild!.child(1).nodeSize + 3),
  });
  const back = applyCommand(inNew, deleteClause, me);
  assert.equal(back.doc.firstChild!.childCount, 2, "one's own proposed clause is taken back");
  const other = author("q");
  const kept = applyCommand(inNew, deleteClause, other);
  assert.equal(kept.doc.firstChild!.childCount, 3, "someone else's proposed clause is not removed");
  assert.equal(kept.doc.firstChild!.child(2).attrs.deletion, null);
});

const threeInTwo = () =>
  buildScheduleDoc({
    sections: [
      { heading: "Access", clauses: ["A", "B", "C"].map((h) => ({ heading: h, requirement: null, body: [`Body ${h}.`] })) },
      { heading: "Logging", clauses: [{ heading: "D", requirement: null, body: ["Body D."] }] },
    ],
  });

/** Each clause's heading, id and move proposal, per section. */
const places = (pm: PMNode) => {
  const out: { heading: string; id: string; moved: unknown; movedFrom: unknown }[][] = [];
  pm.forEach((section) => {
    const clauses: (typeof out)[number] = [];
    section.forEach(
      (c) =>
        void (
          c.type === s.nodes.clause && clauses.push({ heading: c.firstChild!.textContent, id: c.attrs.id, moved: c.attrs.moved, movedFrom: c.attrs.movedFrom })
        ),
    );
    out.push(clauses);
  });
  return out;
};

test("moving a clause proposes it at its new place, recording where it stood; its hash and the structure's stay", () => {
  const three = threeInTwo();
  const me = author();
  const [[a, b, c]] = places(three);
  const sectionId = three.firstChild!.attrs.id as string;
  const down = applyCommand(stateAt(three, at(EditorState.create({ doc: three }), "Body A")), moveClause(1), me);
  assert.deepEqual(
    places(down.doc)[0]!.map((p) => [p.heading, p.moved, p.movedFrom]),
    [
      ["B", null, null],
      ["A", "p1", `${sectionId}/`],
      ["C", null, null],
    ],
  );
  assert.deepEqual(
    [...proposalsInDoc(down.doc).values()].map((p) => [p.id, p.kind, p.scope, p.clauseId]),
    [["p1", "move", "clause", a!.id]],
  );
  assert.equal(structureHash(down.doc), structureHash(three), "the agreed structure reads as before");
  assert.equal(clauseHash(down.doc.firstChild!.child(2)), clauseHash(three.firstChild!.child(1)), "the clause's own hash is the same");
  assert.ok(clauseHashes(down.doc).find((h) => h.id === a!.id)!.proposalOpen, "a moved clause has a proposal open");

  // Moved on, into the next section: the same proposal, the same place it stood.
  const further = applyCommand(applyCommand(down, moveClause(1), me), moveClause(1), me);
  assert.deepEqual(
    places(further.doc).map((s) => s.map((p) => p.heading)),
    [
      ["B", "C"],
      ["A", "D"],
    ],
  );
  assert.deepEqual([places(further.doc)[1]![0]!.moved, places(further.doc)[1]![0]!.movedFrom], ["p1", `${sectionId}/`]);
  assert.equal(me.minted.length, 1);
  assert.equal(structureHash(further.doc), structureHash(three));
  assert.deepEqual([b!.moved, c!.moved], [null, null]);

  // A clause someone else proposed moved is answered first; one's own proposed clause moves freely.
  let made: Transaction | null = null;
  moveClause(-1)(further, (tr) => (made = tr));
  assert.equal(proposalTransaction(further, made!, author("q")), null);
  const added = applyCommand(stateAt(three, at(EditorState.create({ doc: three }), "Body C")), insertClause, me);
  const up = applyCommand(added, moveClause(-1), me);
  assert.deepEqual(
    places(up.doc)[0]!.map((p) => [p.heading, p.moved]),
    [
      ["A", null],
      ["B", null],
      ["", null],
      ["C", null],
    ],
  );
});

test("New section while proposing proposes the section: its clause and heading text under its one id, outside the structure until accepted", () => {
  const who = author();
  let state = stateAt(doc, at(stateAt(doc, 1), "keys"));
  state = applyCommand(state, insertSection, who);
  const added = state.doc.child(1);
  assert.equal(added.attrs.insertion, "p1");
  assert.equal(added.child(1).attrs.insertion, "p1", "its clause is the same proposal");
  state = propose(state, (tr) => tr.insertText("Logging"), who);
  assert.deepEqual(
    state.doc.child(1).firstChild!.content.content.map((n) => [n.text, s.marks.insertion.isInSet(n.marks)?.attrs.id]),
    [["Logging", "p1"]],
  );
  state = applyCommand(stateAt(state.doc, state.doc.content.size - 3), insertClause, who);
  assert.deepEqual(
    state.doc
      .child(1)
      .content.content.slice(1)
      .map((c) => c.attrs.insertion),
    ["p1", "p1"],
  );
  assert.deepEqual(who.minted, ["p1"]);
  const found = proposalsInDoc(state.doc).get("p1");
  assert.deepEqual(found && [found.scope, found.text], ["section", "Logging"]);
  assert.equal(structureHash(state.doc), structureHash(doc));
  assert.deepEqual(
    clauseHashes(state.doc).map((c) => c.proposalOpen),
    [false, true, true],
  );
});
