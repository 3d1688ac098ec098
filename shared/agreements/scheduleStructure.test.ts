import { test } from "node:test";
import assert from "node:assert/strict";
import type { Node as PMNode } from "prosemirror-model";
import { scheduleSchema as s } from "../editor/schema";
import { compareStructure, scheduleStructure, structureHash, structureHashOfJson, structureUnitId } from "./scheduleStructure";

type Section = { id: string; heading: string | PMNode[]; clauses: [id: string, text: string][] };

const doc = (...sections: Section[]) =>
  s.nodes.doc.create(
    null,
    sections.map(({ id, heading, clauses }) =>
      s.nodes.section.create({ id }, [
        s.nodes.section_heading.create(null, typeof heading === "string" ? (heading ? s.text(heading) : null) : heading),
        ...clauses.map(([cid, text]) =>
          s.nodes.clause.create({ id: cid, requirement: null }, [
            s.nodes.clause_heading.create(null, s.text(cid)),
            s.nodes.paragraph.create(null, s.text(text)),
          ]),
        ),
      ]),
    ),
  );

const base = () =>
  doc(
    {
      id: "s1",
      heading: "Backups",
      clauses: [
        ["a", "Daily."],
        ["b", "Tested."],
      ],
    },
    { id: "s2", heading: "Incidents", clauses: [["c", "24 hours."]] },
  );

test("the structure unit id can never be a clause id", () => {
  assert.doesNotMatch(structureUnitId, /^[a-z2-7]{10,64}$/);
});

test("the structure hash follows headings, their marks, order and membership, not clause text or ids of sections", () => {
  const hash = structureHash(base());
  assert.equal(structureHash(base()), hash, "deterministic");
  assert.equal(structureHashOfJson(base().toJSON()), hash, "stored JSON and live document hash alike");
  assert.equal(
    structureHash(
      doc(
        {
          id: "s1",
          heading: "Backups",
          clauses: [
            ["a", "Weekly."],
            ["b", "Tested."],
          ],
        },
        { id: "s2", heading: "Incidents", clauses: [["c", "24 hours."]] },
      ),
    ),
    hash,
    "clause text is the clause's own unit",
  );
  assert.equal(
    structureHash(
      doc(
        {
          id: "x1",
          heading: "Backups",
          clauses: [
            ["a", "Daily."],
            ["b", "Tested."],
          ],
        },
        { id: "x2", heading: "Incidents", clauses: [["c", "24 hours."]] },
      ),
    ),
    hash,
    "section ids are identity, not text",
  );
  const variants = [
    doc(
      {
        id: "s1",
        heading: "Backup",
        clauses: [
          ["a", "Daily."],
          ["b", "Tested."],
        ],
      },
      { id: "s2", heading: "Incidents", clauses: [["c", "24 hours."]] },
    ),
    doc(
      {
        id: "s1",
        heading: [s.text("Backups", [s.marks.italic.create()])],
        clauses: [
          ["a", "Daily."],
          ["b", "Tested."],
        ],
      },
      { id: "s2", heading: "Incidents", clauses: [["c", "24 hours."]] },
    ),
    doc(
      {
        id: "s1",
        heading: "Backups",
        clauses: [
          ["b", "Tested."],
          ["a", "Daily."],
        ],
      },
      { id: "s2", heading: "Incidents", clauses: [["c", "24 hours."]] },
    ),
    doc(
      { id: "s1", heading: "Backups", clauses: [["a", "Daily."]] },
      {
        id: "s2",
        heading: "Incidents",
        clauses: [
          ["b", "Tested."],
          ["c", "24 hours."],
        ],
      },
    ),
    doc({ id: "s1", heading: "Backups", clauses: [["a", "Daily."]] }, { id: "s2", heading: "Incidents", clauses: [["c", "24 hours."]] }),
    doc(
      { id: "s2", heading: "Incidents", clauses: [["c", "24 hours."]] },
      {
        id: "s1",
        heading: "Backups",
        clauses: [
          ["a", "Daily."],
          ["b", "Tested."],
        ],
      },
    ),
  ];
  const hashes = new Set([hash, ...variants.map((d) => structureHash(d))]);
  assert.equal(hashes.size, variants.length + 1, "each change of heading, mark, order, section or removal changes the hash");
  for (const d of variants) assert.equal(structureHashOfJson(d.toJSON()), structureHash(d));
});

test("compare: a changed heading with its words, formatting alone, a section added and a section moved", () => {
  const to = doc(
    { id: "s2", heading: [s.text("Incidents", [s.marks.italic.create()])], clauses: [["c", "24 hours."]] },
    {
      id: "s1",
      heading: "Backups and restores",
      clauses: [
        ["a", "Daily."],
        ["b", "Tested."],
      ],
    },
    { id: "s3", heading: "Exit", clauses: [] },
  );
  const { sections, moves } = compareStructure(scheduleStructure(base()), scheduleStructure(to));
  assert.deepEqual(moves, [], "clauses that travel with their section did not move");
  assert.deepEqual(
    sections.map((c) => (c.kind === "changed" ? [c.kind, c.key, c.number, c.formattingOnly, c.moved] : [c.kind, c.key, c.number, c.heading])),
    [
      ["changed", "s2", "1", true, null],
      ["changed", "s1", "2", false, { from: "1", to: "2" }],
      ["added", "s3", "3", "Exit"],
    ],
  );
  const renamed = sections[1]!;
  assert.ok(renamed.kind === "changed");
  assert.deepEqual(
    renamed.parts.filter((p) => p.kind !== "same").map((p) => [p.kind, p.text]),
    [["inserted", " and restores"]],
  );
  const removed = compareStructure(scheduleStructure(to), scheduleStructure(base())).sections.find((c) => c.kind === "removed");
  assert.deepEqual(removed, { kind: "removed", key: "s3", number: "3", heading: "Exit" });
});

test("compare: a clause moved to another section or reordered is a move; renumbering by an insertion is not", () => {
  // b keeps its place in reading order but changes section: 1.2 becomes 2.1.
  const across = doc(
    { id: "s1", heading: "Backups", clauses: [["a", "Daily."]] },
    {
      id: "s2",
      heading: "Incidents",
      clauses: [
        ["b", "Tested."],
        ["c", "24 hours."],
      ],
    },
  );
  assert.deepEqual(compareStructure(scheduleStructure(base()), scheduleStructure(across)), {
    sections: [],
    moves: [{ clauseId: "b", heading: "b", from: "1.2", to: "2.1", fromSection: "Backups", toSection: "Incidents" }],
  });
  const swapped = doc(
    {
      id: "s1",
      heading: "Backups",
      clauses: [
        ["b", "Tested."],
        ["a", "Daily."],
      ],
    },
    { id: "s2", heading: "Incidents", clauses: [["c", "24 hours."]] },
  );
  assert.equal(compareStructure(scheduleStructure(base()), scheduleStructure(swapped)).moves.length, 1, "one of the two swapped clauses moved");
  const inserted = doc(
    {
      id: "s1",
      heading: "Backups",
      clauses: [
        ["n", "New."],
        ["a", "Daily."],
        ["b", "Tested."],
      ],
    },
    { id: "s2", heading: "Incidents", clauses: [["c", "24 hours."]] },
  );
  assert.deepEqual(compareStructure(scheduleStructure(base()), scheduleStructure(inserted)), { sections: [], moves: [] });
});
