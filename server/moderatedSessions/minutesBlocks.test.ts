import { test } from "node:test";
import assert from "node:assert/strict";
import JSZip from "jszip";
import type { MinutesRevision } from "../../shared/moderatedSessions/sessions";
import { pdfText } from "../test/exportText";
import { minutesBlocks } from "./minutesBlocks";
import { minutesDocx } from "./minutesDocx";
import { minutesMarkdown } from "./minutesMarkdown";
import { minutesPdf } from "./minutesPdf";

const minutes: MinutesRevision = {
  revision: 2,
  publishedAt: Date.UTC(2026, 11, 10, 11, 5),
  publishedBy: "Ada Advisor",
  note: "Misheard",
  content: {
    negotiationTitle: "Acme Retail ⇄ Nimbus Cloud",
    plannedAt: Date.UTC(2026, 11, 10, 9),
    startedAt: Date.UTC(2026, 11, 10, 9, 2),
    endedAt: Date.UTC(2026, 11, 10, 10, 30),
    moderator: "Ada Advisor",
    attendees: [
      { name: "Sam Supplier", role: "supplier" },
      { name: "Bea Buyer", role: "buyer" },
      { name: "Bob Buyer", role: "buyer" },
      { name: "Ada Advisor", role: "advisor" },
    ],
    items: [
      {
        itemId: "a",
        title: "1.2 Incident *notification*",
        kind: "clause",
        clauseId: "c",
        outcome: "agreed",
        decision: "Keep 24 hours.",
        actions: [{ assignee: "Sam Supplier", what: "Send the wording", dueDate: "2026-12-01" }],
      },
      { itemId: "b", title: "Exit plan", kind: "topic", clauseId: null, outcome: null, decision: null, actions: [] },
    ],
    duringSession: [
      {
        at: Date.UTC(2026, 11, 10, 9, 30),
        by: "Sam Supplier",
        action: "clause.agreed",
        detail: { number: "1.2", heading: "Incident notification", party: "supplier" },
      },
    ],
  },
};
const published = { ...minutes, revision: 1, note: null, content: { ...minutes.content, startedAt: null, attendees: [], items: [], duringSession: undefined } };

test("the blocks: facts, the note, one line per role in the roles' order, each item with its outcome, decision and actions, then what happened", () => {
  const { blocks, pageLine } = minutesBlocks(minutes, "en");
  assert.deepEqual(
    blocks.map((b) => b.kind),
    [
      "title",
      "list",
      "note",
      "heading",
      "attendees",
      "heading",
      "item",
      "outcome",
      "paragraph",
      "list",
      "item",
      "outcome",
      "paragraph",
      "note",
      "heading",
      "list",
    ],
  );
  assert.deepEqual(blocks[4], {
    kind: "attendees",
    lines: [
      { role: "buyer", label: "Buyer", names: "Bea Buyer, Bob Buyer" },
      { role: "supplier", label: "Supplier", names: "Sam Supplier" },
      { role: "advisor", label: "Advisor", names: "Ada Advisor" },
    ],
  });
  assert.deepEqual(blocks[9], { kind: "list", lines: ["Sam Supplier: Send the wording (due 1 December 2026)"] });
  assert.equal(pageLine, "Session of 10 Dec 2026, 09:00 UTC, revision 2");
});

test("the Markdown is what it was before the blocks: the file and the mail read the same", () => {
  assert.equal(
    minutesMarkdown(minutes, "en"),
    [
      "# Minutes: Acme Retail ⇄ Nimbus Cloud",
      "",
      "- Planned for 10 Dec 2026, 09:00 UTC",
      "- Held from 10 Dec 2026, 09:02 UTC to 10 Dec 2026, 10:30 UTC",
      "- Moderator: Ada Advisor",
      "- Revision 2, published 10 Dec 2026, 11:05 UTC by Ada Advisor",
      "- Correction: Misheard",
      "",
      "*Outcomes record what the meeting concluded. A clause is agreed only when each party agrees it in the negotiation.*",
      "",
      "## Present",
      "",
      "- **Buyer**: Bea Buyer, Bob Buyer",
      "- **Supplier**: Sam Supplier",
      "- **Advisor**: Ada Advisor",
      "",
      "## Items",
      "",
      "### 1. 1.2 Incident \\*notification\\*",
      "",
      "**Agreed**",
      "",
      "Keep 24 hours.",
      "",
      "- Sam Supplier: Send the wording (due 1 December 2026)",
      "",
      "### 2. Exit plan",
      "",
      "**Not discussed**",
      "",
      "No decision text.",
      "",
      "*No actions.*",
      "",
      "## During the session",
      "",
      "- 10 Dec 2026, 09:30 UTC · Sam Supplier: Agreed to clause 1.2 Incident notification for the Supplier",
      "",
    ].join("\n"),
  );
  assert.equal(
    minutesMarkdown(published, "nl"),
    [
      "# Notulen: Acme Retail ⇄ Nimbus Cloud",
      "",
      "- Gepland voor 10 dec 2026, 09:00 UTC",
      "- Moderator: Ada Advisor",
      "- Versie 1, gepubliceerd 10 dec 2026, 11:05 UTC door Ada Advisor",
      "",
      "*Uitkomsten leggen vast wat het overleg concludeerde. Een artikel is pas akkoord als elke partij er in de onderhandeling mee instemt.*",
      "",
      "## Aanwezig",
      "",
      "Niemand is als aanwezig gemarkeerd.",
      "",
      "",
      "## Punten",
      "",
    ].join("\n"),
  );
});

test("Word and PDF say on every page which session and revision they are, in the reader's language", async () => {
  const zip = await JSZip.loadAsync(await minutesDocx(minutesBlocks(published, "nl")));
  const footer = (await zip.file("word/footer1.xml")!.async("string")).replace(/<[^>]+>/g, "");
  assert.match(footer, /Sessie van 10 dec 2026, 09:00 UTC, versie 1 · Pagina/);
  const pdf = (await pdfText(new Uint8Array(await minutesPdf(minutesBlocks(minutes, "nl"))).buffer)).replace(/\s+/g, " ");
  assert.match(pdf, /Notulen: Acme Retail ⇄ Nimbus Cloud/);
  assert.match(pdf, /Sessie van 10 dec 2026, 09:00 UTC, versie 2 · Pagina 1 van 1/);
  assert.match(pdf, /Afnemer: Bea Buyer, Bob Buyer/);
});
