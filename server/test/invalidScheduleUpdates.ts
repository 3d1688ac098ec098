// Yjs updates a hostile member could hand-write, each built on a throw-away copy of an honest
// peer's document (so the peer itself stays valid) and each something no editor would send.
import * as Y from "yjs";
import { CloseCode } from "../../shared/collaboration/closeCodes";
import type { Random } from "./seededRandom";
import { childElements, clauseElement, clausesOf, indexInParent, sectionsOf, textBlock, textOf, updateOf } from "./scheduleShape";

export interface InvalidUpdate {
  name: string;
  /** The close code the server must answer with. */
  closeCode: number;
  build(copy: Y.Doc, random: Random): Uint8Array;
}

const fragmentOf = (doc: Y.Doc) => doc.getXmlFragment("prosemirror");

/** A refused shape change: `change` gets the copy's schedule fragment and a random source. */
function refused(name: string, change: (fragment: Y.XmlFragment, random: Random, doc: Y.Doc) => void): InvalidUpdate {
  return {
    name,
    closeCode: CloseCode.updateRefused,
    build: (copy, random) => {
      const update = updateOf(copy, () => change(fragmentOf(copy), random, copy));
      // An empty update is nothing to refuse: the attack would test nothing.
      const { structs, ds } = Y.decodeUpdate(update);
      if (structs.length === 0 && ds.clients.size === 0) throw new Error(`${name}: the attack changed nothing`);
      return update;
    },
  };
}

const anyClause = (f: Y.XmlFragment, r: Random) => r.pick(clausesOf(f));
const anySection = (f: Y.XmlFragment, r: Random) => r.pick(sectionsOf(f));
const anyParagraph = (f: Y.XmlFragment, r: Random) => r.pick(clausesOf(f).flatMap((c) => childElements(c, "paragraph")));
const runOf = (block: Y.XmlElement) => textOf(block)!;
/** Inserts any Yjs type among a clause's children (the typings allow only XML types there). */
const insertInClause = (f: Y.XmlFragment, r: Random, element: object) => {
  const clause = anyClause(f, r);
  clause.insert(r.int(1, clause.length), [element as Y.XmlElement]);
};
/** Sets any value as an attribute, as a hand-written client can (the typings allow only strings). */
const setAttribute = (element: Y.XmlElement, key: string, value: unknown) =>
  (element as unknown as { setAttribute(key: string, value: unknown): void }).setAttribute(key, value);

// The link targets an editor never stores: scripts, files, data, protocol-relative, none at all.
const unsafeHrefs = [
  "javascript:alert(document.cookie)",
  " JavaScript:alert(1)",
  "file://attacker.example/share",
  "data:text/html,<script>alert(1)</script>",
  "vbscript:msgbox",
  "//evil.example",
  undefined,
];

export function invalidUpdates(options: { maxScheduleBytes: number }): InvalidUpdate[] {
  return [
    // Wrong parents and content order.
    refused("a clause straight under the root", (f, r) => f.insert(r.int(0, f.length), [clauseElement(r.id(), "Loose", "clause")])),
    refused("a text run straight under the root", (f, r) => f.insert(r.int(0, f.length), [new Y.XmlText("loose text")])),
    refused("a paragraph straight in a section", (f, r) => {
      const section = anySection(f, r);
      section.insert(r.int(1, section.length), [textBlock("paragraph", "orphan paragraph")]);
    }),
    refused("text straight in a clause", (f, r) => insertInClause(f, r, new Y.XmlText("loose"))),
    refused("a new clause without a heading", (f, r) => {
      const clause = new Y.XmlElement("clause");
      clause.setAttribute("id", r.id());
      clause.insert(0, [textBlock("paragraph", "no heading")]);
      const section = anySection(f, r);
      section.insert(r.int(1, section.length), [clause]);
    }),
    refused("an existing clause loses its heading", (f, r) => anyClause(f, r).delete(0, 1)),
    refused("a clause's whole body deleted", (f, r) => {
      const clause = anyClause(f, r);
      clause.delete(1, clause.length - 1);
    }),
    refused("a second heading after the body", (f, r) => {
      const clause = anyClause(f, r);
      clause.insert(clause.length, [textBlock("clause_heading", "late heading")]);
    }),
    refused("a section without a heading", (f, r) => {
      const section = new Y.XmlElement("section");
      section.setAttribute("id", r.id());
      section.insert(0, [clauseElement(r.id(), "Heading", "body")]);
      f.insert(r.int(0, f.length), [section]);
    }),
    refused("a list item straight in a clause", (f, r) => {
      const item = new Y.XmlElement("list_item");
      item.insert(0, [textBlock("paragraph", "item")]);
      insertInClause(f, r, item);
    }),
    refused("a table cell without a paragraph", (f, r) => {
      const [table, row, cell] = [new Y.XmlElement("table"), new Y.XmlElement("table_row"), new Y.XmlElement("table_cell")];
      row.insert(0, [cell]);
      table.insert(0, [row]);
      insertInClause(f, r, table);
    }),
    refused("the whole schedule deleted", (f) => f.delete(0, f.length)),
    // Names and kinds of content the schema does not have.
    refused("an unknown element", (f, r) => insertInClause(f, r, textBlock(r.pick(["script", "iframe", "div"]), "x"))),
    refused("an element named doc", (f, r) => insertInClause(f, r, textBlock("doc", "x"))),
    refused("a Y.Map among a clause's children", (f, r) => insertInClause(f, r, new Y.Map())),
    refused("an embed in a text run", (f, r) => runOf(anyParagraph(f, r)).insertEmbed(0, { image: "https://evil.example/x.png" })),
    refused("an attribute on a text run", (f, r) => runOf(anyParagraph(f, r)).setAttribute("onmouseover", "alert(1)")),
    refused("an unknown root type", (_fragment, r, doc) => {
      const kind = r.int(0, 3);
      if (kind === 0) doc.getText("evil").insert(0, "free storage");
      else if (kind === 1) doc.getMap("settings").set("admin", true);
      else if (kind === 2) doc.getArray("blobs").push([1, 2, 3]);
      else doc.getXmlFragment("shadow").insert(0, [textBlock("paragraph", "shadow schedule")]);
    }),
    // Attributes: unknown names, wrong value types, Y types, and the clause-id rules.
    refused("an unknown attribute", (f, r) => anyParagraph(f, r).setAttribute("onclick", "alert(1)")),
    refused("a requirement that is a number", (f, r) => setAttribute(anyClause(f, r), "requirement", 42)),
    refused("a requirement that is no knowledge-base id", (f, r) => anyClause(f, r).setAttribute("requirement", "Not An Id!")),
    refused("a list order that is text", (f, r) => {
      const list = new Y.XmlElement("ordered_list");
      setAttribute(list, "order", "1");
      const item = new Y.XmlElement("list_item");
      item.insert(0, [textBlock("paragraph", "item")]);
      list.insert(0, [item]);
      insertInClause(f, r, list);
    }),
    refused("a section id that is no id", (f, r) => anySection(f, r).setAttribute("id", "not an id")),
    refused("a Y type as a new clause's id", (f, r) => {
      const clause = clauseElement(null, "Heading", "body");
      setAttribute(clause, "id", r.chance(0.5) ? new Y.XmlText("abcdefghijklmnop") : new Y.Map());
      const section = anySection(f, r);
      section.insert(r.int(1, section.length), [clause]);
    }),
    // Replacing an attribute writes an item whose parent is inherited from its origin.
    refused("an existing clause id replaced by a Y type", (f, r) =>
      setAttribute(anyClause(f, r), "id", r.pick([() => new Y.XmlText("abcdefghijklmnop"), () => new Y.XmlElement("paragraph"), () => new Y.Map()])()),
    ),
    refused("an existing clause id replaced by a number", (f, r) => setAttribute(anyClause(f, r), "id", 1234567890)),
    refused("an existing clause id replaced by an object", (f, r) => setAttribute(anyClause(f, r), "id", { id: r.id() })),
    refused("an existing clause id replaced by an ill-formed string", (f, r) =>
      anyClause(f, r).setAttribute("id", r.pick(["NOT-AN-ID", "short", "", "a".repeat(65), "abcdefghij<script>"])),
    ),
    refused("an existing clause id removed", (f, r) => anyClause(f, r).removeAttribute("id")),
    refused("a new clause without an id", (f, r) => {
      const section = anySection(f, r);
      section.insert(r.int(1, section.length), [clauseElement(null, "No id", "body")]);
    }),
    // Marks.
    refused("an unknown mark", (f, r) => {
      const run = runOf(anyParagraph(f, r));
      const mark = r.pick(["underline", "script", "color", "strike"]);
      // Formatting an empty run changes nothing, so there the mark comes with new text.
      if (run.length > 0 && r.chance(0.5)) run.format(0, run.length, { [mark]: {} });
      else run.insert(0, "marked", { [mark]: {} });
    }),
    refused("a mark with attributes it does not have", (f, r) => runOf(anyParagraph(f, r)).insert(0, "bold", { bold: { color: "red" } })),
    refused("a mark that is not an attribute object", (f, r) => runOf(anyParagraph(f, r)).insert(0, "x", { italic: r.pick([true, "yes", 1, ["a"]]) })),
    refused("bold in a clause heading", (f, r) => {
      const heading = childElements(anyClause(f, r), "clause_heading")[0]!;
      runOf(heading).insert(0, "bold heading", { bold: {} });
    }),
    refused("an unsafe link target", (f, r) => runOf(anyParagraph(f, r)).insert(0, "click me", { link: { href: r.pick(unsafeHrefs) } })),
    // Not a schedule problem but a size one, and one that is no update at all.
    {
      name: "an update that grows the schedule past its size cap",
      closeCode: CloseCode.documentTooLarge,
      build: (copy, random) => updateOf(copy, () => runOf(anyParagraph(fragmentOf(copy), random)).insert(0, "x".repeat(options.maxScheduleBytes + 1024))),
    },
    {
      name: "a truncated update",
      closeCode: CloseCode.malformedMessage,
      build: (copy, random) => {
        const update = updateOf(copy, () => runOf(anyParagraph(fragmentOf(copy), random)).insert(0, "cut short"));
        return update.slice(0, random.int(1, update.length - 1));
      },
    },
  ];
}

export interface ClauseCopy {
  name: string;
  /** The clause whose id the copy takes: it must keep that id. */
  original: Y.XmlElement;
  /** Makes the copy in the original's document. */
  make(): void;
}

/**
 * Clauses that arrive with an id another clause has. The server takes them, but the one that came
 * later (the copy) gets a fresh id, so that threads and agreements stay with the original.
 */
export function clauseCopy(doc: Y.Doc, random: Random): ClauseCopy {
  const fragment = fragmentOf(doc);
  const original = anyClause(fragment, random);
  if (random.chance(0.5)) {
    return {
      name: "a copy of a clause inserted before it",
      original,
      make: () => (original.parent as Y.XmlElement).insert(indexInParent(original), [original.clone()]),
    };
  }
  return {
    name: "a new clause that takes an existing clause's id",
    original,
    make: () => {
      const section = anySection(fragment, random);
      section.insert(random.int(1, section.length), [clauseElement(String(original.getAttribute("id")), "Impostor", "body")]);
    },
  };
}

/**
 * Two updates where the second builds on the first: sent alone, `orphan` refers to items (its
 * origin, or the items it deletes) the server does not have.
 */
export function orphanUpdate(copy: Y.Doc, random: Random): { missing: Uint8Array; orphan: Uint8Array; kind: string } {
  const fragment = fragmentOf(copy);
  const kind = random.int(0, 2);
  if (kind === 0) {
    // Its only reference is its parent: an empty paragraph the server never saw.
    const paragraph = textBlock("paragraph", "");
    const clause = anyClause(fragment, random);
    const missing = updateOf(copy, () => clause.insert(clause.length, [paragraph]));
    return { missing, orphan: updateOf(copy, () => runOf(paragraph).insert(0, "text")), kind: "text in an unknown paragraph" };
  }
  const run = runOf(anyParagraph(fragment, random));
  const at = random.int(0, run.length);
  const missing = updateOf(copy, () => run.insert(at, "first "));
  if (kind === 1) return { missing, orphan: updateOf(copy, () => run.insert(at + 6, "second ")), kind: "an insert after unknown text" };
  return { missing, orphan: updateOf(copy, () => run.delete(at, 6)), kind: "a delete of unknown text" };
}
