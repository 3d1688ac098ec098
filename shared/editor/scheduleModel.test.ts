import { test } from "node:test";
import assert from "node:assert/strict";
import { Fragment } from "prosemirror-model";
import { buildScheduleDoc } from "./scheduleTemplate";
import { clauseText, scheduleFromJson, scheduleModel, type ProposalLookup } from "./scheduleModel";
import { scheduleSchema as s } from "./schema";

test("the reading model numbers clauses like the editor and keeps headings, text and links", () => {
  const doc = buildScheduleDoc({
    sections: [
      { heading: "Security", clauses: [{ heading: "MFA", requirement: "multi-factor-authentication", body: ["Admins use MFA.", "Always."] }] },
      {
        heading: "Exit",
        clauses: [
          { heading: "Return", requirement: null, body: ["Data is returned."] },
          { heading: "Deletion", requirement: null, body: ["Then deleted."] },
        ],
      },
    ],
  });
  const model = scheduleModel(scheduleFromJson(doc.toJSON()));
  assert.deepEqual(
    model.map((s) => [s.number, s.heading, s.clauses.map((c) => c.number)]),
    [
      ["1", "Security", ["1.1"]],
      ["2", "Exit", ["2.1", "2.2"]],
    ],
  );
  assert.equal(clauseText(model[0]!.clauses[0]!), "MFA\nAdmins use MFA.\nAlways.");
  assert.equal(model[0]!.clauses[0]!.requirement, "multi-factor-authentication");
});

test("with a proposal lookup, open proposals are tracked changes of their runs, decided ones read as decided; without, marks are not read", () => {
  const ins = (id: string) => [s.marks.insertion.create({ id })];
  const del = (id: string) => [s.marks.deletion.create({ id })];
  const heading = s.nodes.clause_heading.create(null, [s.text("Incidents"), s.text(" and outages", ins("h"))]);
  const body = s.nodes.paragraph.create(null, [
    s.text("Notify "),
    s.text("the buyer ", ins("open-ins")),
    s.text("within "),
    s.text("24", del("open-del")),
    s.text(" hours"),
    s.text(" at once", ins("accepted-ins")),
    s.text(" by mail", ins("rejected-ins")),
    s.text(" in writing", del("accepted-del")),
    s.text(".", del("rejected-del")),
    s.text(" Always", ins("unknown")),
  ]);
  const doc = s.nodes.doc.create(
    null,
    s.nodes.section.create({ id: "s1" }, [s.nodes.section_heading.create(null, s.text("Security")), s.nodes.clause.create({ id: "c1" }, [heading, body])]),
  );
  const sam = { author: "Sam Supplier (Supplier)", date: 1000 };
  const fates: Record<string, ReturnType<ProposalLookup>> = {
    h: sam,
    "open-ins": sam,
    "open-del": { author: "Bea Buyer (Buyer)", date: 2000 },
    "accepted-ins": "accepted",
    "rejected-ins": "rejected",
    "accepted-del": "accepted",
    "rejected-del": "rejected",
    unknown: "rejected",
  };
  const [clause] = scheduleModel(doc, (id) => fates[id]!)[0]!.clauses;
  assert.deepEqual(clause!.headingRuns, [{ text: "Incidents" }, { text: " and outages", change: { kind: "insert", ...sam } }]);
  assert.deepEqual(clause!.blocks, [
    {
      kind: "paragraph",
      runs: [
        { text: "Notify " },
        { text: "the buyer ", change: { kind: "insert", ...sam } },
        { text: "within " },
        { text: "24", change: { kind: "delete", author: "Bea Buyer (Buyer)", date: 2000 } },
        { text: " hours" },
        { text: " at once" },
        { text: "." },
      ],
    },
  ]);
  assert.equal(clauseText(clause!), "Incidents and outages\nNotify the buyer within 24 hours at once.", "what the runs show, proposals and all");

  const [plain] = scheduleModel(doc)[0]!.clauses;
  assert.equal(plain!.heading, "Incidents and outages");
  assert.equal(plain!.headingRuns, undefined);
  assert.equal(clauseText(plain!), "Incidents and outages\nNotify the buyer within 24 hours at once by mail in writing. Always");
});

test("a clause proposed whole is a tracked change of every run while open, and reads as decided after", () => {
  const base = buildScheduleDoc({
    sections: [{ heading: "Ops", clauses: ["Kept", "New", "Gone"].map((h) => ({ heading: h, requirement: null, body: [`${h} body.`] })) }],
  });
  const attrs: Record<string, Record<string, string>> = { New: { insertion: "add1" }, Gone: { deletion: "del1" } };
  const section = base.firstChild!;
  const doc = s.node("doc", null, [
    section.copy(
      Fragment.fromArray(
        section.content.content.map((node) =>
          node.type === s.nodes.clause ? node.type.create({ ...node.attrs, ...attrs[node.firstChild!.textContent] }, node.content) : node,
        ),
      ),
    ),
  ]);
  const open: ProposalLookup = () => ({ author: "Sam Supplier (Supplier)", date: 5 });
  const clauses = scheduleModel(doc, open)[0]!.clauses;
  const changes = (i: number) =>
    [...clauses[i]!.headingRuns!, ...(clauses[i]!.blocks[0] as { runs: { change?: { kind: string } }[] }).runs].map((r) => r.change?.kind);
  assert.equal(clauses[0]!.headingRuns, undefined, "a clause without proposals is plain");
  assert.deepEqual(changes(1), ["insert", "insert"]);
  assert.deepEqual(changes(2), ["delete", "delete"]);
  assert.deepEqual(
    scheduleModel(doc, () => "rejected")[0]!.clauses.map((c) => c.heading),
    ["Kept", "Gone"],
    "a rejected addition is not there; a rejected removal leaves the clause",
  );
  assert.deepEqual(
    scheduleModel(doc, () => "accepted")[0]!.clauses.map((c) => c.heading),
    ["Kept", "New"],
  );
});
