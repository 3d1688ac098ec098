// The proposal rules on the guard's replica, with edits made the way the browser makes them: a
// ProseMirror transaction on the member's copy, written into Yjs by y-prosemirror's own
// updateYFragment (which adds and tidies format items as it does in the editor).
import { test } from "node:test";
import assert from "node:assert/strict";
import * as Y from "yjs";
import { EditorState, TextSelection, type Transaction } from "prosemirror-state";
import { prosemirrorToYDoc, updateYFragment } from "y-prosemirror";
import type { Node as PMNode } from "prosemirror-model";
import { scheduleFromYjs } from "../../shared/editor/scheduleFromYjs";
import { scheduleFragmentName, scheduleSchema as s } from "../../shared/editor/schema";
import { buildScheduleDoc } from "../../shared/editor/scheduleTemplate";
import { insertSection, moveClause } from "../../shared/editor/commands";
import { proposalTransaction, type ProposalAuthor } from "../../shared/editor/proposalTransform";
import { seededRandom, testSeed } from "../test/seededRandom";
import type { ProposalOwner, ProposalRules } from "./proposalGuard";
import { ScheduleGuard } from "./scheduleGuard";

const schedule = () =>
  buildScheduleDoc({
    sections: [{ heading: "Access", clauses: [1, 2].map((i) => ({ heading: `C${i}`, requirement: null, body: ["alpha beta gamma delta", "epsilon zeta"] })) }],
  });

/** A room with its guard and the server's proposal records (in memory), and members writing to it. */
/** `protectedClauses`: which clauses (by position) both parties agreed. */
function setup(options: { mode?: "together" | "proposals"; protectedClauses?: number[] } = {}) {
  const room = prosemirrorToYDoc(schedule(), scheduleFragmentName);
  const guard = new ScheduleGuard(room, 8 * 1024 * 1024);
  const owners = new Map<string, ProposalOwner>();
  const clauseIds = (scheduleFromYjs(room.getXmlFragment(scheduleFragmentName)).firstChild!.content.content.slice(1) as PMNode[]).map(
    (c) => c.attrs.id as string,
  );
  const rules = (senderId: string): ProposalRules => ({
    senderId,
    proposeOnly: (options.mode ?? "proposals") === "proposals",
    protectedClauses: new Set(options.protectedClauses?.map((i) => clauseIds[i]!) ?? []),
    owner: (id) => owners.get(id),
  });
  const member = (userId: string) => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(room));
    const fragment = doc.getXmlFragment(scheduleFragmentName);
    return {
      userId,
      doc,
      pm: () => scheduleFromYjs(fragment),
      /** A ProseMirror edit, written into Yjs as y-prosemirror writes it; the update it sends. */
      edit(change: (tr: Transaction, pm: PMNode) => void): Uint8Array {
        const state = EditorState.create({ schema: s, doc: scheduleFromYjs(fragment) });
        const tr = state.tr;
        change(tr, state.doc);
        const before = Y.encodeStateVector(doc);
        doc.transact(() => updateYFragment(doc, fragment, tr.doc, { mapping: new Map(), isOMark: new Map() }));
        return Y.encodeStateAsUpdate(doc, before);
      },
      /** What the server does with the update; the member drops a refused one by starting over. */
      send(update: Uint8Array) {
        const verdict = guard.admit(update, Y.decodeUpdate(update), rules(userId));
        if (verdict.ok) {
          for (const p of verdict.proposals) owners.set(p.id, { authorId: userId, kind: p.kind, open: true });
          Y.applyUpdate(room, update, "member");
        } else {
          doc.destroy();
          Object.assign(this, member(userId));
        }
        return verdict;
      },
      sync() {
        Y.applyUpdate(doc, Y.encodeStateAsUpdate(room, Y.encodeStateVector(doc)));
      },
    };
  };
  return { room, owners, clauseIds, member };
}

/** The position just inside the first text of clause `n`'s first paragraph, and that text. */
function bodyText(pm: PMNode, n: number): { from: number; text: string } {
  let seen = -1;
  let found: { from: number; text: string } | null = null;
  pm.descendants((node, pos) => {
    if (found) return false;
    if (node.type.name === "clause") seen += 1;
    if (seen === n && node.type.name === "paragraph") {
      found = { from: pos + 1, text: node.textContent };
      return false;
    }
    return true;
  });
  return found!;
}

const ins = (id: string) => s.marks.insertion!.create({ id });
const del = (id: string) => s.marks.deletion!.create({ id });
const newProposalId = (() => {
  const random = seededRandom(7);
  return () => random.id();
})();

test("in propose mode a member may insert marked text, mark a deletion, and undo their own", () => {
  const { member, owners } = setup();
  const supplier = member("supplier");
  const a = newProposalId();
  const b = newProposalId();
  let verdict = supplier.send(supplier.edit((tr, pm) => tr.insert(bodyText(pm, 0).from + 6, s.text("very ", [ins(a)]))));
  assert.equal(verdict.ok, true, verdict.ok ? "" : verdict.reason);
  assert.deepEqual(verdict.ok && verdict.proposals.map((p) => [p.id, p.kind]), [[a, "insert"]]);
  assert.equal(owners.get(a)?.authorId, "supplier");

  verdict = supplier.send(supplier.edit((tr, pm) => tr.addMark(bodyText(pm, 0).from, bodyText(pm, 0).from + 5, del(b))));
  assert.equal(verdict.ok, true, verdict.ok ? "" : verdict.reason);
  // Typing on inside one's own insertion, deleting some of it, taking one's own deletion back.
  for (const change of [
    (tr: Transaction, pm: PMNode) => tr.insert(bodyText(pm, 0).from + 8, s.text("ry", [ins(a)])),
    (tr: Transaction, pm: PMNode) => tr.delete(bodyText(pm, 0).from + 6, bodyText(pm, 0).from + 8),
    (tr: Transaction, pm: PMNode) => tr.removeMark(bodyText(pm, 0).from, bodyText(pm, 0).from + 5, s.marks.deletion),
  ]) {
    verdict = supplier.send(supplier.edit(change));
    assert.equal(verdict.ok, true, verdict.ok ? "" : verdict.reason);
  }
  assert.match(supplier.pm().textContent, /alpha ryry beta/);
});

test("in propose mode anything but a proposal is refused", () => {
  const cases: [string, (tr: Transaction, pm: PMNode) => void][] = [
    ["a plain insert", (tr, pm) => tr.insertText("X", bodyText(pm, 0).from)],
    ["a plain delete", (tr, pm) => tr.delete(bodyText(pm, 0).from, bodyText(pm, 0).from + 3)],
    ["bold on existing text", (tr, pm) => tr.addMark(bodyText(pm, 0).from, bodyText(pm, 0).from + 3, s.marks.bold!.create())],
    ["a new paragraph", (tr, pm) => tr.split(bodyText(pm, 0).from + 3)],
  ];
  for (const [name, change] of cases) {
    const { member } = setup();
    const supplier = member("supplier");
    assert.equal(supplier.send(supplier.edit(change)).ok, false, `${name} is refused`);
  }
});

test("an id recorded for someone else, or decided, is refused; another's proposal cannot be undone", () => {
  const { member, owners } = setup();
  const buyer = member("buyer");
  const supplier = member("supplier");
  const a = newProposalId();
  const d = newProposalId();
  assert.equal(buyer.send(buyer.edit((tr, pm) => tr.insert(bodyText(pm, 0).from, s.text("new ", [ins(a)])))).ok, true);
  assert.equal(buyer.send(buyer.edit((tr, pm) => tr.addMark(bodyText(pm, 1).from, bodyText(pm, 1).from + 5, del(d)))).ok, true);
  supplier.sync();
  const forged = supplier.send(supplier.edit((tr, pm) => tr.insert(bodyText(pm, 1).from + 7, s.text("mine ", [ins(a)]))));
  assert.equal(forged.ok, false);
  assert.match(!forged.ok ? forged.reason : "", /someone else|own insertion/);
  supplier.sync();
  assert.equal(supplier.send(supplier.edit((tr, pm) => tr.delete(bodyText(pm, 0).from, bodyText(pm, 0).from + 2))).ok, false, "deleting another's insertion");
  supplier.sync();
  assert.equal(
    supplier.send(supplier.edit((tr, pm) => tr.removeMark(bodyText(pm, 1).from, bodyText(pm, 1).from + 5, s.marks.deletion))).ok,
    false,
    "taking another's deletion off",
  );
  owners.set(a, { ...owners.get(a)!, open: false });
  assert.equal(buyer.send(buyer.edit((tr, pm) => tr.insert(bodyText(pm, 0).from + 2, s.text("x", [ins(a)])))).ok, false, "a decided id");
});

test("in propose mode formatting is a proposal recording what the text had; forged records and others' proposals are refused", () => {
  const { member, owners } = setup();
  const supplier = member("supplier");
  const buyer = member("buyer");
  const fmt = (id: string, was: { type: string; attrs?: { href: string } }[] = []) => s.marks.modification!.create({ id, was });
  const f = newProposalId();
  const range = (pm: PMNode) => [bodyText(pm, 0).from, bodyText(pm, 0).from + 5] as const;
  let verdict = supplier.send(supplier.edit((tr, pm) => tr.addMark(...range(pm), s.marks.bold!.create()).addMark(...range(pm), fmt(f))));
  assert.equal(verdict.ok, true, verdict.ok ? "" : verdict.reason);
  assert.deepEqual(verdict.ok && verdict.proposals.map((p) => [p.id, p.kind]), [[f, "format"]]);
  assert.equal(owners.get(f)?.kind, "format");
  verdict = supplier.send(supplier.edit((tr, pm) => tr.addMark(...range(pm), s.marks.italic!.create())));
  assert.equal(verdict.ok, true, verdict.ok ? "" : verdict.reason);

  buyer.sync();
  const refused: [string, (tr: Transaction, pm: PMNode) => void][] = [
    ["formatting someone else's formatting proposal on", (tr, pm) => tr.removeMark(...range(pm), s.marks.italic)],
    ["taking someone else's formatting proposal off", (tr, pm) => tr.removeMark(...range(pm), s.marks.modification)],
    [
      "a proposal that misstates the formatting before",
      (tr, pm) =>
        tr
          .addMark(bodyText(pm, 1).from, bodyText(pm, 1).from + 5, s.marks.bold!.create())
          .addMark(bodyText(pm, 1).from, bodyText(pm, 1).from + 5, fmt(newProposalId(), [{ type: "italic" }])),
    ],
    [
      "someone else's id on other text",
      (tr, pm) =>
        tr.addMark(bodyText(pm, 1).from, bodyText(pm, 1).from + 5, s.marks.bold!.create()).addMark(bodyText(pm, 1).from, bodyText(pm, 1).from + 5, fmt(f)),
    ],
  ];
  for (const [name, change] of refused) {
    buyer.sync();
    assert.equal(buyer.send(buyer.edit(change)).ok, false, `${name} is refused`);
  }
  buyer.sync();
  verdict = buyer.send(
    buyer.edit((tr, pm) =>
      tr
        .addMark(bodyText(pm, 1).from, bodyText(pm, 1).from + 5, s.marks.bold!.create())
        .addMark(bodyText(pm, 1).from, bodyText(pm, 1).from + 5, fmt(newProposalId())),
    ),
  );
  assert.equal(verdict.ok, true, verdict.ok ? "" : verdict.reason);

  // The author takes the proposal back by hand: the text as it was, the mark gone.
  supplier.sync();
  assert.equal(
    supplier.send(
      supplier.edit((tr, pm) =>
        tr
          .removeMark(...range(pm), s.marks.bold)
          .removeMark(...range(pm), s.marks.italic)
          .removeMark(...range(pm), s.marks.modification),
      ),
    ).ok,
    true,
  );
  // But not while the text still differs from the record.
  const g = newProposalId();
  supplier.sync();
  assert.equal(supplier.send(supplier.edit((tr, pm) => tr.addMark(...range(pm), s.marks.bold!.create()).addMark(...range(pm), fmt(g)))).ok, true);
  supplier.sync();
  assert.equal(
    supplier.send(supplier.edit((tr, pm) => tr.removeMark(...range(pm), s.marks.modification))).ok,
    false,
    "a formatting proposal is not taken in by its author",
  );
});

test("editing together: free outside agreed clauses, proposals only inside them, keystrokes included", () => {
  const { member } = setup({ mode: "together", protectedClauses: [1] });
  const buyer = member("buyer");
  assert.equal(buyer.send(buyer.edit((tr, pm) => tr.insertText("Free ", bodyText(pm, 0).from))).ok, true);
  assert.equal(buyer.send(buyer.edit((tr, pm) => tr.delete(bodyText(pm, 0).from, bodyText(pm, 0).from + 2))).ok, true);
  // A keystroke (the guard's fast path) into the agreed clause.
  const typed = buyer.send(buyer.edit((tr, pm) => tr.insertText("X", bodyText(pm, 1).from + 2)));
  assert.equal(typed.ok, false);
  assert.equal(buyer.send(buyer.edit((tr, pm) => tr.delete(bodyText(pm, 1).from, bodyText(pm, 1).from + 1))).ok, false);
  assert.equal(buyer.send(buyer.edit((tr, pm) => tr.insert(bodyText(pm, 1).from + 2, s.text("X", [ins(newProposalId())])))).ok, true);
});

test("editing together, an agreed clause may be moved as it is, not deleted", () => {
  const { member } = setup({ mode: "together", protectedClauses: [1] });
  const buyer = member("buyer");
  const clausePositions = (pm: PMNode) => {
    const out: { from: number; node: PMNode }[] = [];
    pm.descendants((node, pos) => (node.type.name === "clause" ? (out.push({ from: pos, node }), false) : true));
    return out;
  };
  const moved = buyer.send(
    buyer.edit((tr, pm) => {
      const [first, second] = clausePositions(pm);
      tr.delete(second!.from, second!.from + second!.node.nodeSize);
      tr.insert(first!.from, second!.node);
    }),
  );
  assert.equal(moved.ok, true, moved.ok ? "" : moved.reason);
  const deleted = buyer.send(
    buyer.edit((tr, pm) => {
      const [agreed] = clausePositions(pm);
      tr.delete(agreed!.from, agreed!.from + agreed!.node.nodeSize);
    }),
  );
  assert.equal(deleted.ok, false);
});

/** Each clause's position and node, in document order. */
function clausesIn(pm: PMNode): { from: number; node: PMNode }[] {
  const out: { from: number; node: PMNode }[] = [];
  pm.descendants((node, pos) => (node.type.name === "clause" ? (out.push({ from: pos, node }), false) : true));
  return out;
}

const newClause = (attrs: Record<string, unknown>) =>
  s.nodes.clause!.create({ id: newProposalId(), ...attrs }, [
    s.nodes.clause_heading!.create(null, s.text("Logging")),
    s.nodes.paragraph!.create(null, s.text("Keep logs.")),
  ]);

test("in propose mode a member proposes a whole new clause, writes in it freely, and may take it back", () => {
  const { member, owners } = setup();
  const supplier = member("supplier");
  const buyer = member("buyer");
  const id = newProposalId();
  const added = supplier.send(supplier.edit((tr, pm) => tr.insert(clausesIn(pm)[0]!.from + clausesIn(pm)[0]!.node.nodeSize, newClause({ insertion: id }))));
  assert.equal(added.ok, true, added.ok ? "" : added.reason);
  assert.deepEqual(added.ok && added.proposals.map((p) => [p.id, p.kind, p.scope]), [[id, "insert", "clause"]]);
  assert.equal(owners.get(id)?.authorId, "supplier");
  // Inside their own proposed clause: plain typing, a new paragraph.
  const inside = (pm: PMNode) => clausesIn(pm)[1]!.from + clausesIn(pm)[1]!.node.firstChild!.nodeSize + 2;
  for (const change of [(tr: Transaction, pm: PMNode) => tr.insertText("All ", inside(pm)), (tr: Transaction, pm: PMNode) => tr.split(inside(pm) + 3)]) {
    const verdict = supplier.send(supplier.edit(change));
    assert.equal(verdict.ok, true, verdict.ok ? "" : verdict.reason);
  }
  buyer.sync();
  assert.equal(buyer.send(buyer.edit((tr, pm) => tr.insertText("Z", inside(pm)))).ok, false, "the other party only proposes in it");
  buyer.sync();
  assert.equal(buyer.send(buyer.edit((tr, pm) => tr.insert(inside(pm), s.text("Z", [ins(newProposalId())])))).ok, true);
  buyer.sync();
  assert.equal(
    buyer.send(buyer.edit((tr, pm) => tr.delete(clausesIn(pm)[1]!.from, clausesIn(pm)[1]!.from + clausesIn(pm)[1]!.node.nodeSize))).ok,
    false,
    "nor removes it",
  );
  supplier.sync();
  const taken = supplier.send(supplier.edit((tr, pm) => tr.delete(clausesIn(pm)[1]!.from, clausesIn(pm)[1]!.from + clausesIn(pm)[1]!.node.nodeSize)));
  assert.equal(taken.ok, true, taken.ok ? "" : taken.reason);
  assert.equal(clausesIn(supplier.pm()).length, 2);
});

test("in propose mode a clause is not added plainly, not marked new afterwards, and not taken in by its author", () => {
  const cases: [string, (tr: Transaction, pm: PMNode) => void][] = [
    ["a plain new clause", (tr, pm) => tr.insert(clausesIn(pm)[1]!.from, newClause({}))],
    ["an existing clause marked new", (tr, pm) => tr.setNodeAttribute(clausesIn(pm)[0]!.from, "insertion", newProposalId())],
  ];
  for (const [name, change] of cases) {
    const { member } = setup();
    const supplier = member("supplier");
    assert.equal(supplier.send(supplier.edit(change)).ok, false, `${name} is refused`);
  }
  const { member } = setup();
  const supplier = member("supplier");
  assert.equal(supplier.send(supplier.edit((tr, pm) => tr.insert(clausesIn(pm)[1]!.from, newClause({ insertion: newProposalId() })))).ok, true);
  const accepted = supplier.send(supplier.edit((tr, pm) => tr.setNodeAttribute(clausesIn(pm)[1]!.from, "insertion", null)));
  assert.equal(accepted.ok, false);
  assert.match(!accepted.ok ? accepted.reason : "", /accepted or rejected/);
});

test("removing a clause is proposed on the clause, taken back by its author only; editing together it protects an agreed clause", () => {
  for (const options of [{}, { mode: "together" as const, protectedClauses: [0] }]) {
    const { member } = setup(options);
    const supplier = member("supplier");
    const buyer = member("buyer");
    const id = newProposalId();
    const proposed = supplier.send(supplier.edit((tr, pm) => tr.setNodeAttribute(clausesIn(pm)[0]!.from, "deletion", id)));
    assert.equal(proposed.ok, true, proposed.ok ? "" : proposed.reason);
    assert.deepEqual(proposed.ok && proposed.proposals.map((p) => [p.kind, p.scope]), [["delete", "clause"]]);
    buyer.sync();
    assert.equal(buyer.send(buyer.edit((tr, pm) => tr.setNodeAttribute(clausesIn(pm)[0]!.from, "deletion", null))).ok, false, "not by the other party");
    supplier.sync();
    assert.equal(supplier.send(supplier.edit((tr, pm) => tr.setNodeAttribute(clausesIn(pm)[0]!.from, "deletion", null))).ok, true, "by its author");
  }
});

test("editing together, a clause carrying someone's proposal moves with it; the id goes nowhere else", () => {
  const { member } = setup({ mode: "together" });
  const supplier = member("supplier");
  const buyer = member("buyer");
  const id = newProposalId();
  assert.equal(supplier.send(supplier.edit((tr, pm) => tr.setNodeAttribute(clausesIn(pm)[1]!.from, "deletion", id))).ok, true);
  buyer.sync();
  const moved = buyer.send(
    buyer.edit((tr, pm) => {
      const [first, second] = clausesIn(pm);
      tr.delete(second!.from, second!.from + second!.node.nodeSize);
      tr.insert(first!.from, second!.node);
    }),
  );
  assert.equal(moved.ok, true, moved.ok ? "" : moved.reason);
  buyer.sync();
  const forged = buyer.send(buyer.edit((tr, pm) => tr.setNodeAttribute(clausesIn(pm)[1]!.from, "deletion", id)));
  assert.equal(forged.ok, false);
});

/**
 * Property: from random states, a random edit a proposer may make is admitted and one they may
 * not make is refused, and the room always reads as a valid schedule.
 */
test("property: allowed edits pass, forbidden ones do not", () => {
  const random = seededRandom(testSeed());
  const { member, room } = setup();
  const people = [member("buyer"), member("supplier")];
  const mine = new Map<string, { kind: "insert" | "delete"; id: string }[]>([
    ["buyer", []],
    ["supplier", []],
  ]);
  /** Ranges in clause n's first paragraph carrying a mark of this kind and id. */
  const marked = (pm: PMNode, n: number, mark: "insertion" | "deletion", id: string) => {
    const { from } = bodyText(pm, n);
    const para = pm.resolve(from).parent;
    const ranges: [number, number][] = [];
    let offset = from;
    para.forEach((child) => {
      if (child.marks.some((m) => m.type.name === mark && m.attrs.id === id)) ranges.push([offset, offset + child.nodeSize]);
      offset += child.nodeSize;
    });
    return ranges;
  };
  const plain = (pm: PMNode, n: number) => {
    const { from } = bodyText(pm, n);
    const para = pm.resolve(from).parent;
    const ranges: [number, number][] = [];
    let offset = from;
    para.forEach((child) => {
      if (child.isText && child.marks.length === 0) ranges.push([offset, offset + child.nodeSize]);
      offset += child.nodeSize;
    });
    return ranges;
  };
  for (let step = 0; step < 150; step++) {
    const who = random.pick(people);
    const other = people.find((p) => p !== who)!;
    who.sync();
    const pm = who.pm();
    const n = random.int(0, 1);
    const own = mine.get(who.userId)!;
    const theirs = mine.get(other.userId)!;
    type Edit = { name: string; allowed: boolean; change: (tr: Transaction) => void; remember?: { kind: "insert" | "delete"; id: string } };
    const options: Edit[] = [];
    const { from } = bodyText(pm, n);
    const plainRanges = plain(pm, n);
    // Proposals can cover every plain character of a paragraph; then this step has nothing to pick from.
    if (plainRanges.length === 0) continue;
    const id = random.id();
    const at = random.pick(plainRanges);
    const pos = random.int(at[0], at[1]);
    options.push({ name: "insert a new proposal", allowed: true, change: (tr) => tr.insert(pos, s.text("ins ", [ins(id)])), remember: { kind: "insert", id } });
    const a = random.int(at[0], at[1] - 1);
    const b = random.int(a + 1, at[1]);
    options.push({ name: "propose a deletion", allowed: true, change: (tr) => tr.addMark(a, b, del(id)), remember: { kind: "delete", id } });
    options.push({ name: "plain insert", allowed: false, change: (tr) => tr.insertText("p", pos) });
    options.push({ name: "plain delete", allowed: false, change: (tr) => tr.delete(a, b) });
    options.push({ name: "bold", allowed: false, change: (tr) => tr.addMark(a, b, s.marks.bold!.create()) });
    options.push({ name: "split", allowed: false, change: (tr) => tr.split(from + 1) });
    for (const p of own) {
      const ranges = marked(pm, n, p.kind === "insert" ? "insertion" : "deletion", p.id);
      if (ranges.length === 0) continue;
      const [x, y] = random.pick(ranges);
      if (p.kind === "insert") {
        options.push({ name: "type on in my insertion", allowed: true, change: (tr) => tr.insert(random.int(x, y), s.text("m", [ins(p.id)])) });
        options.push({ name: "delete in my insertion", allowed: true, change: (tr) => tr.delete(x, random.int(x + 1, y)) });
        options.push({ name: "accept my own insertion", allowed: false, change: (tr) => tr.removeMark(x, y, s.marks.insertion) });
      } else {
        options.push({ name: "take my deletion back", allowed: true, change: (tr) => tr.removeMark(x, y, s.marks.deletion) });
        options.push({ name: "delete what I proposed to delete", allowed: false, change: (tr) => tr.delete(x, y) });
      }
    }
    for (const p of theirs) {
      const ranges = marked(pm, n, p.kind === "insert" ? "insertion" : "deletion", p.id);
      if (ranges.length === 0) continue;
      const [x, y] = random.pick(ranges);
      if (p.kind === "insert") {
        options.push({ name: "type into their insertion", allowed: false, change: (tr) => tr.insert(random.int(x, y), s.text("t", [ins(p.id)])) });
        options.push({ name: "delete their insertion", allowed: false, change: (tr) => tr.delete(x, y) });
      } else options.push({ name: "take their deletion off", allowed: false, change: (tr) => tr.removeMark(x, y, s.marks.deletion) });
    }
    const edit = random.pick(options);
    const verdict = who.send(who.edit(edit.change));
    const label = `seed ${random.seed} step ${step}: ${who.userId} ${edit.name}`;
    assert.equal(verdict.ok, edit.allowed, `${label}${verdict.ok ? "" : ` (${verdict.reason})`}`);
    if (verdict.ok && edit.remember) own.push(edit.remember);
    scheduleFromYjs(room.getXmlFragment(scheduleFragmentName));
  }
});

/** The member's editor moving clause `index` one place, as the propose-mode transform rewrites it. */
function proposedMove(pm: PMNode, index: number, direction: -1 | 1, who: ProposalAuthor) {
  const state = EditorState.create({ schema: s, doc: pm, selection: TextSelection.create(pm, clausesIn(pm)[index]!.from + 2) });
  let made: Transaction | null = null;
  moveClause(direction)(state, (tr) => (made = tr));
  const proposed = proposalTransaction(state, made!, who);
  assert.ok(proposed, "the move has a proposal form");
  return (tr: Transaction) => proposed.steps.forEach((step) => tr.step(step));
}

const proposer = (ids: string[]): ProposalAuthor => ({
  isMine: (id) => ids.includes(id),
  newId: () => {
    const id = newProposalId();
    ids.push(id);
    return id;
  },
});

test("in propose mode a clause moved as a proposal is admitted with the place it stood; moved on, it keeps it; moved back, its author may drop it", () => {
  const { member, owners, clauseIds, room } = setup();
  const supplier = member("supplier");
  const mine: string[] = [];
  const sectionId = String((room.getXmlFragment(scheduleFragmentName).get(0) as Y.XmlElement).getAttribute("id"));
  const moved = supplier.send(supplier.edit(proposedMove(supplier.pm(), 0, 1, proposer(mine))));
  assert.equal(moved.ok, true, moved.ok ? "" : moved.reason);
  assert.deepEqual(moved.ok && moved.proposals, [
    { id: mine[0], kind: "move", scope: "clause", clauseId: clauseIds[0], movedFrom: { sectionId, afterClauseId: null } },
  ]);
  assert.equal(owners.get(mine[0]!)?.kind, "move");
  assert.deepEqual(
    clausesIn(supplier.pm()).map((c) => [c.node.attrs.id, c.node.attrs.moved]),
    [
      [clauseIds[1], null],
      [clauseIds[0], mine[0]],
    ],
  );
  const back = supplier.send(supplier.edit(proposedMove(supplier.pm(), 1, -1, proposer(mine))));
  assert.equal(back.ok, true, back.ok ? "" : back.reason);
  assert.equal(mine.length, 1, "moved on, the same proposal");
  // At its old place again, its author may take the proposal off (an undo does that).
  const dropped = supplier.send(
    supplier.edit((tr, pm) => tr.setNodeMarkup(clausesIn(pm)[0]!.from, undefined, { ...clausesIn(pm)[0]!.node.attrs, moved: null, movedFrom: null })),
  );
  assert.equal(dropped.ok, true, dropped.ok ? "" : dropped.reason);
});

test("a move without a proposal, with a forged place, with someone else's id, or with an edit is refused; the other party does not take it off", () => {
  const moveFirstDown = (attrs: Record<string, unknown>, edit?: (node: PMNode) => PMNode) => (tr: Transaction, pm: PMNode) => {
    const [first, second] = clausesIn(pm);
    const node = first!.node.type.create({ ...first!.node.attrs, ...attrs }, first!.node.content);
    tr.delete(first!.from, first!.from + first!.node.nodeSize);
    tr.insert(first!.from + second!.node.nodeSize, edit ? edit(node) : node);
  };
  const { member, room, clauseIds } = setup();
  const sectionId = String((room.getXmlFragment(scheduleFragmentName).get(0) as Y.XmlElement).getAttribute("id"));
  const supplier = member("supplier");
  const buyer = member("buyer");
  const cases: [string, ReturnType<typeof moveFirstDown>][] = [
    ["a plain move", moveFirstDown({})],
    ["a forged place", moveFirstDown({ moved: newProposalId(), movedFrom: `${sectionId}/${clauseIds[1]}` })],
    [
      "a move that edits the clause",
      moveFirstDown({ moved: newProposalId(), movedFrom: `${sectionId}/` }, (node) =>
        node.copy(node.content.replaceChild(1, s.nodes.paragraph!.create(null, s.text("Other words.")))),
      ),
    ],
  ];
  for (const [name, change] of cases) assert.equal(supplier.send(supplier.edit(change)).ok, false, `${name} is refused`);
  const id = newProposalId();
  assert.equal(supplier.send(supplier.edit(moveFirstDown({ moved: id, movedFrom: `${sectionId}/` }))).ok, true);
  buyer.sync();
  assert.equal(
    buyer.send(buyer.edit((tr, pm) => tr.setNodeMarkup(clausesIn(pm)[1]!.from, undefined, { ...clausesIn(pm)[1]!.node.attrs, moved: null, movedFrom: null })))
      .ok,
    false,
    "the other party answers it, it does not take it off",
  );
  buyer.sync();
  const theirs = buyer.send(
    buyer.edit((tr, pm) => {
      const [first, second] = clausesIn(pm);
      tr.delete(first!.from, first!.from + first!.node.nodeSize);
      tr.insert(
        first!.from + second!.node.nodeSize,
        first!.node.type.create({ ...first!.node.attrs, moved: id, movedFrom: `${sectionId}/${clauseIds[0]}` }, first!.node.content),
      );
    }),
  );
  assert.equal(theirs.ok, false, "someone else's move id on another clause");
});

test("editing together, an agreed clause moved by the editor is proposed moved; an unagreed one moves plainly", () => {
  const { member } = setup({ mode: "together", protectedClauses: [0] });
  const buyer = member("buyer");
  const mine: string[] = [];
  const moved = buyer.send(buyer.edit(proposedMove(buyer.pm(), 0, 1, proposer(mine))));
  assert.equal(moved.ok, true, moved.ok ? "" : moved.reason);
  assert.deepEqual(moved.ok && moved.proposals.map((p) => p.kind), ["move"]);
  const plain = buyer.send(
    buyer.edit((tr, pm) => {
      const [first, second] = clausesIn(pm);
      tr.delete(first!.from, first!.from + first!.node.nodeSize);
      tr.insert(first!.from + second!.node.nodeSize, first!.node);
    }),
  );
  assert.equal(plain.ok, true, plain.ok ? "" : plain.reason);
});

/** A member's editor proposing: ids minted here, and those the server recorded for them. */
function editorAuthor(userId: string, owners: Map<string, ProposalOwner>): ProposalAuthor {
  const minted = new Set<string>();
  return {
    isMine: (id) => minted.has(id) || owners.get(id)?.authorId === userId,
    newId: () => {
      const id = newProposalId();
      minted.add(id);
      return id;
    },
  };
}

/** The edit `make` makes with the caret at `at(pm)`, as the member's editor turns it into proposals. */
function proposing(who: ProposalAuthor, at: (pm: PMNode) => number, make: (state: EditorState) => Transaction) {
  return (tr: Transaction, pm: PMNode) => {
    const state = EditorState.create({ doc: pm, selection: TextSelection.create(pm, at(pm)) });
    const proposed = proposalTransaction(state, make(state), who);
    assert.ok(proposed, "the edit has a proposal form");
    for (const step of proposed.steps) tr.step(step);
  };
}

/** Clause `n`'s body paragraphs, with their positions. */
function paragraphsIn(pm: PMNode, n: number): { from: number; node: PMNode }[] {
  const clause = clausesIn(pm)[n]!;
  const out: { from: number; node: PMNode }[] = [];
  clause.node.descendants((node, pos) => (node.type.name === "paragraph" ? (out.push({ from: clause.from + 1 + pos, node }), false) : true));
  return out;
}

test("a new paragraph is proposed whole, its text as its proposal; the other party cannot take it in or away", () => {
  for (const options of [{}, { mode: "together" as const, protectedClauses: [0] }]) {
    const { member, owners } = setup(options);
    const supplier = member("supplier");
    const buyer = member("buyer");
    const who = editorAuthor("supplier", owners);
    const split = supplier.send(
      supplier.edit(
        proposing(
          who,
          (pm) => bodyText(pm, 0).from + 11,
          (state) => state.tr.split(state.selection.from),
        ),
      ),
    );
    assert.equal(split.ok, true, split.ok ? "" : split.reason);
    assert.deepEqual(split.ok && split.proposals.map((p) => [p.kind, p.scope]).sort(), [
      ["delete", "text"],
      ["insert", "block"],
    ]);
    const block = split.ok ? split.proposals.find((p) => p.scope === "block")! : null;
    assert.equal(block?.clauseId, clausesIn(supplier.pm())[0]!.node.attrs.id);
    const paragraphs = paragraphsIn(supplier.pm(), 0);
    assert.deepEqual(
      paragraphs.map((p) => [p.node.attrs.insertion, p.node.textContent]),
      [
        [null, "alpha beta gamma delta"],
        [block?.id, "gamma delta"],
        [null, "epsilon zeta"],
      ],
    );
    const typed = supplier.send(
      supplier.edit(
        proposing(
          who,
          (pm) => paragraphsIn(pm, 0)[1]!.from + 1,
          (state) => state.tr.insertText("and "),
        ),
      ),
    );
    assert.equal(typed.ok, true, typed.ok ? "" : typed.reason);
    assert.equal(typed.ok && typed.proposals.length, 0, "typed into the paragraph, it is the same proposal");

    const plainInside = supplier.edit((tr, pm) => tr.insertText("plain", paragraphsIn(pm, 0)[1]!.from + 1));
    assert.equal(supplier.send(plainInside).ok, false, "its text still carries the proposal");
    supplier.sync();
    buyer.sync();
    const second = (pm: PMNode) => paragraphsIn(pm, 0)[1]!;
    for (const [name, change] of [
      ["taken in", (tr: Transaction, pm: PMNode) => tr.setNodeAttribute(second(pm).from, "insertion", null)],
      ["removed", (tr: Transaction, pm: PMNode) => tr.delete(second(pm).from, second(pm).from + second(pm).node.nodeSize)],
    ] as const) {
      assert.equal(buyer.send(buyer.edit(change)).ok, false, `not ${name} by the other party`);
      buyer.sync();
    }
    assert.equal(supplier.send(supplier.edit((tr, pm) => tr.setNodeAttribute(second(pm).from, "insertion", null))).ok, false, "nor taken in by its author");
    supplier.sync();
    const taken = supplier.send(supplier.edit((tr, pm) => tr.delete(second(pm).from, second(pm).from + second(pm).node.nodeSize)));
    assert.equal(taken.ok, true, taken.ok ? "" : taken.reason);
  }
});

test("an existing paragraph is not marked new, nor a new one added unmarked or with someone else's id", () => {
  const { member, owners } = setup();
  const supplier = member("supplier");
  const buyer = member("buyer");
  const theirs = buyer.send(
    buyer.edit(
      proposing(
        editorAuthor("buyer", owners),
        (pm) => bodyText(pm, 1).from + 5,
        (state) => state.tr.split(state.selection.from),
      ),
    ),
  );
  assert.equal(theirs.ok, true, theirs.ok ? "" : theirs.reason);
  const theirId = theirs.ok ? theirs.proposals.find((p) => p.scope === "block")!.id : "";
  supplier.sync();
  const cases: [string, (tr: Transaction, pm: PMNode) => void][] = [
    ["an existing paragraph marked new", (tr, pm) => tr.setNodeAttribute(paragraphsIn(pm, 0)[0]!.from, "insertion", newProposalId())],
    ["an unmarked new paragraph", (tr, pm) => tr.insert(paragraphsIn(pm, 0)[0]!.from, s.nodes.paragraph!.create())],
    [
      "a paragraph with someone else's id",
      (tr, pm) => tr.insert(paragraphsIn(pm, 0)[0]!.from, s.nodes.paragraph!.create({ insertion: theirId }, s.text("x", [ins(theirId)]))),
    ],
  ];
  for (const [name, change] of cases) {
    assert.equal(supplier.send(supplier.edit(change)).ok, false, `${name} is refused`);
    supplier.sync();
  }
});

test("a new section is proposed whole with its clause under one id; not added plainly, its heading text carries the proposal", () => {
  const { member, owners } = setup();
  const supplier = member("supplier");
  const buyer = member("buyer");
  const who = editorAuthor("supplier", owners);
  const viaCommand = (state: EditorState) => {
    let made: Transaction | null = null;
    insertSection(state, (tr) => (made = tr));
    return made!;
  };
  assert.equal(
    supplier.send(
      supplier.edit(
        (tr, pm) =>
          void viaCommand(EditorState.create({ doc: pm, selection: TextSelection.create(pm, bodyText(pm, 0).from) })).steps.forEach((step) => tr.step(step)),
      ),
    ).ok,
    false,
    "not a plain section",
  );
  supplier.sync();
  const added = supplier.send(supplier.edit(proposing(who, (pm) => bodyText(pm, 0).from, viaCommand)));
  assert.equal(added.ok, true, added.ok ? "" : added.reason);
  assert.deepEqual(added.ok && added.proposals.map((p) => [p.kind, p.scope, p.clauseId]), [["insert", "section", null]]);
  const id = added.ok ? added.proposals[0]!.id : "";
  const headingAt = (pm: PMNode) => pm.content.child(0).nodeSize + 2;
  assert.equal(supplier.send(supplier.edit((tr, pm) => tr.insertText("Plain", headingAt(pm)))).ok, false, "its heading's text is proposed text");
  supplier.sync();
  const named = supplier.send(supplier.edit(proposing(who, headingAt, (state) => state.tr.insertText("Logging"))));
  assert.equal(named.ok, true, named.ok ? "" : named.reason);
  assert.equal(supplier.pm().child(1).attrs.insertion, id);
  buyer.sync();
  assert.equal(
    buyer.send(buyer.edit((tr, pm) => tr.setNodeAttribute(pm.content.child(0).nodeSize, "insertion", null))).ok,
    false,
    "not taken in by the other party",
  );
});

test("a table proposed new is admitted with its cells, and typing in it is that proposal; a plain table is not", () => {
  const { member, owners } = setup();
  const supplier = member("supplier");
  const who = editorAuthor("supplier", owners);
  const cell = () => s.nodes.table_cell!.create(null, s.nodes.paragraph!.create());
  const table = () => s.nodes.table!.create(null, [s.nodes.table_row!.create(null, [cell(), cell()])]);
  const after = (pm: PMNode) => paragraphsIn(pm, 0)[0]!.from + paragraphsIn(pm, 0)[0]!.node.nodeSize;
  assert.equal(supplier.send(supplier.edit((tr, pm) => tr.insert(after(pm), table()))).ok, false, "not a plain table");
  supplier.sync();
  const added = supplier.send(
    supplier.edit(
      proposing(
        who,
        (pm) => bodyText(pm, 0).from,
        (state) => state.tr.insert(after(state.doc), table()),
      ),
    ),
  );
  assert.equal(added.ok, true, added.ok ? "" : added.reason);
  assert.deepEqual(added.ok && added.proposals.map((p) => [p.kind, p.scope]), [["insert", "block"]]);
  const firstCell = (pm: PMNode) => after(pm) + 4;
  const typed = supplier.send(supplier.edit(proposing(who, firstCell, (state) => state.tr.insertText("4 hours"))));
  assert.equal(typed.ok, true, typed.ok ? "" : typed.reason);
  assert.equal(supplier.send(supplier.edit((tr, pm) => tr.insertText("plain", firstCell(pm)))).ok, false, "its text is proposed text");
});
