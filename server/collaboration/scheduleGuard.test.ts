import { test } from "node:test";
import assert from "node:assert/strict";
import * as Y from "yjs";
import { prosemirrorToYDoc } from "y-prosemirror";
import { scheduleFragmentName, scheduleSchema as s } from "../../shared/editor/schema";
import { buildScheduleDoc } from "../../shared/editor/scheduleTemplate";
import { scheduleFromYjs } from "../../shared/editor/scheduleFromYjs";
import { createPeers, pick, random, randomEdit, type Peer } from "../../shared/editor/testing/randomEditors";
import { ScheduleGuard } from "./scheduleGuard";
import { hasMissingDependencies } from "./missingDependencies";
import { updateProblem } from "./updateSchema";

const schedule = () =>
  buildScheduleDoc({
    sections: [
      { heading: "Access", clauses: [1, 2].map((i) => ({ heading: `C${i}`, requirement: null, body: ["alpha beta", "gamma"] })) },
      { heading: "Continuity", clauses: [3].map((i) => ({ heading: `C${i}`, requirement: "backup-management", body: ["delta"] })) },
    ],
  });

/** A room document with its guard, and a member's copy to write updates on. */
function setup(maxBytes = 8 * 1024 * 1024) {
  const room = prosemirrorToYDoc(schedule(), scheduleFragmentName);
  const guard = new ScheduleGuard(room, maxBytes);
  const member = new Y.Doc();
  Y.applyUpdate(member, Y.encodeStateAsUpdate(room));
  /** What the member's edit sends, as a y-websocket client would encode it. */
  const edit = (change: (fragment: Y.XmlFragment) => void): Uint8Array => {
    const before = Y.encodeStateVector(member);
    member.transact(() => change(member.getXmlFragment(scheduleFragmentName)));
    return Y.encodeStateAsUpdate(member, before);
  };
  /** Everything a connection does with an update, minus the socket. */
  const send = (update: Uint8Array) => {
    const decoded = Y.decodeUpdate(update);
    const early = updateProblem(decoded);
    if (early) return { ok: false as const, reason: early };
    if (hasMissingDependencies(decoded, room.store)) return { ok: false as const, reason: "missing" };
    const verdict = guard.admit(update, Y.decodeUpdate(update));
    if (verdict.ok) {
      Y.applyUpdate(room, update, "member");
      if (verdict.copies.length) guard.renameCopies(verdict.copies);
    }
    return verdict;
  };
  const sections = (doc: Y.Doc) => doc.getXmlFragment(scheduleFragmentName).toArray() as Y.XmlElement[];
  const clauses = (doc: Y.Doc) =>
    sections(doc).flatMap((sec) => sec.toArray().filter((c): c is Y.XmlElement => c instanceof Y.XmlElement && c.nodeName === "clause"));
  return { room, guard, member, edit, send, sections, clauses };
}

const refusedWith = (verdict: { ok: boolean; reason?: string }, pattern: RegExp, name = "") => {
  assert.equal(verdict.ok, false, `${name} is refused`);
  assert.match(verdict.reason ?? "", pattern, name);
};

function clauseElement(id: string, heading = "New", body = "text"): Y.XmlElement {
  const clause = new Y.XmlElement("clause");
  clause.setAttribute("id", id);
  const h = new Y.XmlElement("clause_heading");
  h.insert(0, [new Y.XmlText(heading)]);
  const p = new Y.XmlElement("paragraph");
  p.insert(0, [new Y.XmlText(body)]);
  clause.insert(0, [h, p]);
  return clause;
}

test("typing, formatting and linking pass; the room follows", () => {
  const { room, edit, send, clauses } = setup();
  const text = (doc: Y.Doc) => (clauses(doc)[0]!.get(1) as Y.XmlElement).get(0) as Y.XmlText;
  assert.deepEqual(send(edit((f) => text(f.doc!).insert(0, "Hello "))), { ok: true, copies: [], proposals: [] });
  assert.equal(send(edit((f) => text(f.doc!).format(0, 5, { bold: {} }))).ok, true);
  assert.equal(send(edit((f) => text(f.doc!).format(0, 5, { link: { href: "https://example.org" } }))).ok, true);
  assert.match(text(room).toString(), /Hello/);
  scheduleFromYjs(room.getXmlFragment(scheduleFragmentName));
});

test("structure outside the schema never reaches the room", () => {
  const cases: [string, (f: Y.XmlFragment) => void, RegExp][] = [
    ["text straight into the root", (f) => f.insert(0, [new Y.XmlText("loose")]), /does not belong|text/],
    ["a clause straight into the root", (f) => f.insert(0, [clauseElement("aaaaaaaaaaaaaaaaaaaaaaaaaa")]), /does not belong/],
    ["a paragraph straight into a section", (f) => (f.get(0) as Y.XmlElement).insert(1, [new Y.XmlElement("paragraph")]), /does not belong/],
    ["a clause without its heading", (f) => ((f.get(0) as Y.XmlElement).get(1) as Y.XmlElement).delete(0, 1), /does not belong|missing/],
    ["a clause without body", (f) => ((f.get(0) as Y.XmlElement).get(1) as Y.XmlElement).delete(1, 2), /missing/],
    ["an empty schedule", (f) => f.delete(0, f.length), /missing/],
    ["an unknown element", (f) => (f.get(0) as Y.XmlElement).insert(1, [new Y.XmlElement("script")]), /unknown element/],
    [
      "bold in a section heading",
      (f) =>
        ((f.get(0) as Y.XmlElement).get(0) as Y.XmlElement).get(0) instanceof Y.XmlText &&
        (((f.get(0) as Y.XmlElement).get(0) as Y.XmlElement).get(0) as Y.XmlText).format(0, 2, { bold: {} }),
      /does not take the mark/,
    ],
    [
      "an unknown mark",
      (f) => ((((f.get(0) as Y.XmlElement).get(1) as Y.XmlElement).get(1) as Y.XmlElement).get(0) as Y.XmlText).format(0, 2, { blink: {} }),
      /unknown mark/,
    ],
    [
      "a javascript: link",
      (f) =>
        ((((f.get(0) as Y.XmlElement).get(1) as Y.XmlElement).get(1) as Y.XmlElement).get(0) as Y.XmlText).format(0, 2, {
          link: { href: "javascript:alert(1)" },
        }),
      /links may only/,
    ],
    ["a clause id that is not an id", (f) => ((f.get(0) as Y.XmlElement).get(1) as Y.XmlElement).setAttribute("id", "x"), /plain id/],
    ["a clause id removed", (f) => ((f.get(0) as Y.XmlElement).get(1) as Y.XmlElement).removeAttribute("id"), /needs an id/],
    ["an unknown attribute", (f) => ((f.get(0) as Y.XmlElement).get(1) as Y.XmlElement).setAttribute("onclick", "x"), /unknown attribute/],
    [
      "an embed in text",
      (f) => ((((f.get(0) as Y.XmlElement).get(1) as Y.XmlElement).get(1) as Y.XmlElement).get(0) as Y.XmlText).insertEmbed(0, { image: "x" }),
      /only text|kind/,
    ],
    ["a second root type", (f) => f.doc!.getMap("stash").set("k", "v"), /root/],
  ];
  for (const [name, change, pattern] of cases) {
    const { room, edit, send } = setup();
    const before = Y.encodeStateAsUpdate(room);
    refusedWith(send(edit(change)), pattern, name);
    assert.deepEqual(Y.encodeStateAsUpdate(room), before, `${name}: the room is untouched`);
  }
});

test("a Y type written over a clause id through an inherited parent is refused", () => {
  const { room, edit, send, clauses } = setup();
  // Replacing an existing attribute encodes the new item with the old one as origin and no parent.
  const update = edit((f) => clauses(f.doc!)[0]!.setAttribute("id", new Y.XmlText("poison") as unknown as string));
  const decoded = Y.decodeUpdate(update).structs.find((st) => st instanceof Y.Item && st.origin !== null) as Y.Item;
  assert.equal(decoded.parent, null, "the attack item names no parent of its own");
  refusedWith(send(update), /plain/);
  assert.equal(typeof clauses(room)[0]!.getAttribute("id"), "string");
});

test("after a refusal the guard still admits what is valid, from the room's state", () => {
  const { room, edit, send, clauses, member } = setup();
  refusedWith(send(edit((f) => f.insert(0, [new Y.XmlText("loose")]))), /./);
  // The member's copy now has what the room refused; a fresh copy carries on.
  member.destroy();
  const fresh = new Y.Doc();
  Y.applyUpdate(fresh, Y.encodeStateAsUpdate(room));
  const before = Y.encodeStateVector(fresh);
  ((clauses(fresh)[0]!.get(0) as Y.XmlElement).get(0) as Y.XmlText).insert(0, "Renamed ");
  assert.equal(send(Y.encodeStateAsUpdate(fresh, before)).ok, true);
  scheduleFromYjs(room.getXmlFragment(scheduleFragmentName));
});

test("a copy of a clause inserted before it gets a new id; the original keeps its own", () => {
  const { room, edit, send, clauses, sections } = setup();
  const original = clauses(room)[0]!;
  const id = original.getAttribute("id")!;
  const verdict = send(edit((f) => (f.get(0) as Y.XmlElement).insert(1, [clauseElement(id, "Copy")])));
  assert.equal(verdict.ok, true);
  assert.equal(verdict.ok && verdict.copies.length, 1);
  const now = clauses(room);
  assert.equal(now.length, 4);
  assert.equal(original.getAttribute("id"), id, "the original element keeps its id");
  assert.notEqual(now[0]!.getAttribute("id"), id, "the copy (first in order) got a fresh id");
  assert.equal(new Set(now.map((c) => c.getAttribute("id"))).size, 4);
  assert.equal(sections(room).length, 2);
  scheduleFromYjs(room.getXmlFragment(scheduleFragmentName));
});

test("updates with missing dependencies are recognised before they can pend", () => {
  const { room, member, send } = setup();
  const text = ((member.getXmlFragment(scheduleFragmentName).get(0) as Y.XmlElement).get(0) as Y.XmlElement).get(0) as Y.XmlText;
  const sv0 = Y.encodeStateVector(member);
  text.insert(0, "first ");
  const sv1 = Y.encodeStateVector(member);
  text.insert(0, "second ");
  const secondOnly = Y.encodeStateAsUpdate(member, sv1);
  assert.equal(hasMissingDependencies(Y.decodeUpdate(secondOnly), room.store), true);
  assert.equal(send(secondOnly).ok, false);
  assert.equal(room.store.pendingStructs, null);
  assert.equal(send(Y.encodeStateAsUpdate(member, sv0)).ok, true, "with its dependency it is fine");
});

test("a schedule cannot grow past its size cap", () => {
  const { edit, send, clauses } = setup(64 * 1024);
  const text = (doc: Y.Doc) => (clauses(doc)[0]!.get(1) as Y.XmlElement).get(0) as Y.XmlText;
  const verdict = send(edit((f) => text(f.doc!).insert(0, "x".repeat(100 * 1024))));
  assert.equal(verdict.ok, false);
  assert.equal(!verdict.ok && "tooLarge" in verdict && verdict.tooLarge, true);
  assert.equal(send(edit((f) => text(f.doc!).insert(0, "small"))).ok, false, "the member's copy still carries the refused text");
});

// The guard must never refuse what the real editor does: three browsers' worth of y-prosemirror
// editors (typing, splitting, joining, moving, copying, inserting and deleting clauses) talk to one
// room through it, with random delays; every update is admitted and everyone converges.
for (const seed of [3, 17, 2024]) {
  test(`honest editors are never refused, and converge behind the guard (seed ${seed})`, () => {
    const rng = random(seed);
    const room = prosemirrorToYDoc(schedule(), scheduleFragmentName);
    const guard = new ScheduleGuard(room, 8 * 1024 * 1024);
    const peers = createPeers(3, Y.encodeStateAsUpdate(room));
    const toServer = new Map<Peer, Uint8Array[]>(peers.map((p) => [p, []]));
    for (const peer of peers) peer.doc.on("update", (u: Uint8Array, origin: unknown) => origin !== "network" && toServer.get(peer)!.push(u));
    // As Room does: the sender's own update goes to the others; the room's writes (fresh ids for
    // copies, Yjs's formatting clean-up) go to everyone.
    room.on("update", (u: Uint8Array, origin: unknown) => {
      for (const p of peers) if (p !== origin) p.inbox.push(u);
    });
    const serverReceives = (peer: Peer, count: number) => {
      for (const update of toServer.get(peer)!.splice(0, count)) {
        assert.equal(hasMissingDependencies(Y.decodeUpdate(update), room.store), false);
        const verdict = guard.admit(update, Y.decodeUpdate(update));
        assert.ok(verdict.ok, `refused an honest update: ${!verdict.ok && verdict.reason}`);
        Y.applyUpdate(room, update, peer);
        if (verdict.copies.length) guard.renameCopies(verdict.copies);
      }
    };
    const peerReceives = (peer: Peer, count: number) => {
      const batch = peer.inbox.splice(0, count);
      if (batch.length) Y.applyUpdate(peer.doc, Y.mergeUpdates(batch), "network");
    };
    for (let step = 0; step < 80; step++) {
      randomEdit(pick(rng, peers)!.view, rng, step);
      for (const peer of peers) {
        if (rng() < 0.4) serverReceives(peer, Math.floor(rng() * 3));
        if (rng() < 0.4) peerReceives(peer, Math.floor(rng() * 3));
      }
    }
    for (let round = 0; round < 20; round++) {
      for (const peer of peers) {
        serverReceives(peer, Infinity);
        peerReceives(peer, Infinity);
      }
    }
    const expected = scheduleFromYjs(room.getXmlFragment(scheduleFragmentName)).toJSON();
    for (const peer of peers) assert.deepEqual(scheduleFromYjs(peer.doc.getXmlFragment(scheduleFragmentName)).toJSON(), expected, "documents converge");
    for (const peer of peers) assert.deepEqual(peer.view.state.doc.toJSON(), expected, "views converge");
    assert.ok(s.nodeFromJSON(expected));
    for (const p of peers) p.view.destroy();
  });
}

test("keystrokes take the short way; deleting a paragraph or adding an element does not", async () => {
  const { isPlainTyping } = await import("./plainTyping");
  const { room, edit, send, clauses } = setup();
  const paragraph = (doc: Y.Doc) => clauses(doc)[0]!.get(1) as Y.XmlElement;
  const typing = edit((f) => (paragraph(f.doc!).get(0) as Y.XmlText).insert(3, "typed"));
  assert.equal(isPlainTyping(Y.decodeUpdate(typing), room), true);
  assert.equal(send(typing).ok, true);
  const backspace = edit((f) => (paragraph(f.doc!).get(0) as Y.XmlText).delete(0, 2));
  assert.equal(isPlainTyping(Y.decodeUpdate(backspace), room), true);
  assert.equal(send(backspace).ok, true);
  const bold = edit((f) => (paragraph(f.doc!).get(0) as Y.XmlText).format(0, 2, { bold: {} }));
  assert.equal(isPlainTyping(Y.decodeUpdate(bold), room), false);
  assert.equal(send(bold).ok, true);
  const dropParagraph = edit((f) => clauses(f.doc!)[0]!.delete(1, 1));
  assert.equal(isPlainTyping(Y.decodeUpdate(dropParagraph), room), false);
  // After keystrokes went the short way, the long way still judges from the room's real state.
  assert.equal(send(dropParagraph).ok, true, "one of two paragraphs may go");
  refusedWith(send(edit((f) => clauses(f.doc!)[0]!.delete(1, 1))), /missing/);
  assert.match(clauses(room)[0]!.toString(), /gamma/, "the second paragraph stayed");
});

test("a placeholder is admitted as the schema has it, and refused with a bad field or label, text inside, or in a heading", () => {
  const paragraph = (f: Y.XmlFragment) => ((f.get(0) as Y.XmlElement).get(1) as Y.XmlElement).get(1) as Y.XmlElement;
  const placeholder = (attrs: Record<string, string>) => {
    const el = new Y.XmlElement("placeholder");
    for (const [key, value] of Object.entries(attrs)) el.setAttribute(key, value);
    return el;
  };
  const { room, edit, send } = setup();
  assert.equal(send(edit((f) => paragraph(f).insert(1, [placeholder({ field: "amount", label: "amount", hint: "in euros" })]))).ok, true);
  assert.equal(scheduleFromYjs(room.getXmlFragment(scheduleFragmentName)).firstChild!.child(1).child(1).child(1).type.name, "placeholder");

  const cases: [string, (f: Y.XmlFragment) => void, RegExp][] = [
    ["a field that is no id", (f) => paragraph(f).insert(1, [placeholder({ field: "<b>" })]), /field/],
    ["an overlong label", (f) => paragraph(f).insert(1, [placeholder({ field: "amount", label: "x".repeat(201) })]), /label/],
    [
      "text inside a placeholder",
      (f) => {
        const el = placeholder({ field: "amount" });
        paragraph(f).insert(1, [el]);
        el.insert(0, [new Y.XmlText("typed inside")]);
      },
      /does not belong/,
    ],
    ["a placeholder in a heading", (f) => ((f.get(0) as Y.XmlElement).get(0) as Y.XmlElement).insert(0, [placeholder({ field: "amount" })]), /does not belong/],
  ];
  for (const [name, change, pattern] of cases) {
    const { room, edit, send } = setup();
    const before = Y.encodeStateAsUpdate(room);
    refusedWith(send(edit(change)), pattern, name);
    assert.deepEqual(Y.encodeStateAsUpdate(room), before, `${name}: the room is untouched`);
  }
});
