import { test } from "node:test";
import assert from "node:assert/strict";
import "../../../shared/editor/testing/browserGlobals";
import { EditorState, TextSelection } from "prosemirror-state";
import { buildScheduleDoc } from "../../../shared/editor/scheduleTemplate";
import type { Node as PMNode } from "prosemirror-model";
import { wordClipboard } from "./wordPaste.samples";

// A real view in jsdom, pasting the way a browser does (transformPastedHTML, then the schema's parser).
const { EditorView } = await import("prosemirror-view");
const { cleanPastedHtml, wordPastePlugin } = await import("./wordPaste");

function pasteIntoClause(html: string) {
  const reported: number[] = [];
  const doc = buildScheduleDoc({ sections: [{ heading: "Governance", clauses: [{ heading: "Access", requirement: null, body: ["Before.", ""] }] }] });
  let state = EditorState.create({ doc, plugins: [wordPastePlugin((count) => reported.push(count))] });
  // The cursor in the clause's empty last paragraph, as after pressing Enter.
  let end = 0;
  state.doc.descendants((node, pos) => {
    if (node.type.name === "paragraph") end = pos + node.nodeSize - 1;
  });
  state = state.apply(state.tr.setSelection(TextSelection.create(state.doc, end)));
  const view = new EditorView(document.body.appendChild(document.createElement("div")), { state });
  // jsdom has no ClipboardEvent; the paste logic only hands the event on to handlePaste.
  assert.ok(view.pasteHTML(html, new window.Event("paste") as ClipboardEvent), "the paste was handled");
  const clause = view.state.doc.firstChild!.child(1);
  view.destroy();
  return { clause, reported };
}

/** The clause's body as node names and text, lists nested: what a reader would see. */
function outline(node: PMNode): unknown {
  if (node.type.name === "paragraph") {
    const bold = node.childCount > 0 && node.firstChild!.marks.some((m) => m.type.name === "bold") ? "**" : "";
    return `${bold}${node.textContent}`;
  }
  if (node.type.name === "list_item") {
    const [first, ...rest] = node.children;
    return rest.length ? [outline(first!), ...rest.map(outline)] : outline(first!);
  }
  if (node.type.name === "table") return { table: node.children.map((row) => row.children.map((cell) => cell.textContent)) };
  return { [node.type.name]: node.children.map(outline) };
}

const body = (clause: PMNode) => clause.children.slice(1).map(outline);

test("a numbered Word list with a nested bulleted level pastes as lists, without the typed-out numbers", () => {
  const { clause, reported } = pasteIntoClause(wordClipboard.numberedList);
  assert.deepEqual(body(clause), [
    "Before.",
    {
      ordered_list: [
        "Multi-factor authentication for all administrators.",
        ["Access is reviewed every quarter.", { bullet_list: ["by the supplier’s CISO", "with the buyer’s contact"] }],
        "Accounts are removed within one working day.",
      ],
    },
    "After the list.",
  ]);
  assert.deepEqual(reported, [0]);
});

test("Word headings become bold paragraphs inside the clause; the clause's own heading stays", () => {
  const { clause } = pasteIntoClause(wordClipboard.headings);
  assert.equal(clause.child(0).textContent, "Access");
  assert.deepEqual(body(clause), [
    "Before.",
    "**Access control",
    "The supplier restricts access to the service.",
    "**Logging",
    "Logs are kept for a year.",
    "**Annex",
  ]);
  assert.equal(clause.childCount, 7, "no new clause or section was made");
});

test("images are left out and counted, the text around them kept", () => {
  const { clause, reported } = pasteIntoClause(wordClipboard.withImages);
  assert.deepEqual(body(clause), ["Before.", "The network diagram:", "And the data flow:"]);
  assert.deepEqual(reported, [2]);
});

test("a Word table pastes as a table", () => {
  const { clause } = pasteIntoClause(wordClipboard.table);
  assert.deepEqual(body(clause), [
    "Before.",
    {
      table: [
        ["Data", "Retention"],
        ["Logs", "1 year"],
      ],
    },
  ]);
});

test("HTML that is not Word's keeps its headings for the schema (copying clauses within the schedule)", () => {
  const cleaned = cleanPastedHtml('<h3 class="clause-heading">Backups</h3><p>Daily.</p><img src="x.png">');
  assert.equal(cleaned.html, '<h3 class="clause-heading">Backups</h3><p>Daily.</p>');
  assert.equal(cleaned.imagesLeftOut, 1);
});
