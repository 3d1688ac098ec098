import { test } from "node:test";
import assert from "node:assert/strict";
import { getDocument, OPS } from "pdfjs-dist/legacy/build/pdf.mjs";
import { scheduleSchema as s } from "../../../shared/editor/schema";
import { scheduleModel } from "../../../shared/editor/scheduleModel";
import type { ExportDocument } from "./exportDocument";
import { pdfExport } from "./pdfExport";
import { exportDocumentOf } from "../../test/exportDocumentOf";

const paragraph = (text: string) => s.nodes.paragraph.create(null, text ? s.text(text) : null);
const row = (...cells: string[]) =>
  s.nodes.table_row.create(
    null,
    cells.map((c) => s.nodes.table_cell.create(null, paragraph(c))),
  );

function exportWithTable(rows: number): ExportDocument {
  const table = s.nodes.table.create(null, [row("Data", "Retention"), ...Array.from({ length: rows - 1 }, (_, i) => row(`Log ${i + 1}`, "1 year"))]);
  const clause = s.nodes.clause.create({ id: "c1" }, [s.nodes.clause_heading.create(null, s.text("Retention")), paragraph("Kept as follows:"), table]);
  const doc = s.nodes.doc.create(null, s.nodes.section.create({ id: "s1" }, [s.nodes.section_heading.create(null, s.text("Data")), clause]));
  return exportDocumentOf(scheduleModel(doc), { status: "open", agreedBy: [] }, { title: "Table test" });
}

async function pages(bytes: Buffer) {
  const pdf = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false }).promise;
  return Promise.all(
    Array.from({ length: pdf.numPages }, async (_, i) => {
      const page = await pdf.getPage(i + 1);
      const text = (await page.getTextContent()).items.flatMap((item) =>
        "str" in item && item.str.trim() ? [{ str: item.str, x: item.transform[4], y: item.transform[5] }] : [],
      );
      return { text, ops: (await page.getOperatorList()).fnArray };
    }),
  );
}

test("a table in a clause is drawn as ruled cells in columns, not as text joined by bars", async () => {
  const [page] = await pages(await pdfExport(exportWithTable(2)));
  const at = (str: string) => page!.text.find((t) => t.str === str)!;
  assert.ok(!page!.text.some((t) => t.str.includes("|")), "no cell separators as text");
  assert.equal(at("Data").y, at("Retention").y, "a row's cells stand side by side");
  assert.equal(at("Log 1").y, at("1 year").y);
  assert.equal(at("Data").x, at("Log 1").x, "a column's cells line up");
  assert.equal(at("Retention").x, at("1 year").x);
  assert.ok(at("Retention").x > at("Data").x + 100, "the second column starts across the page");
  assert.ok(page!.ops.includes(OPS.constructPath) && page!.ops.includes(OPS.stroke), "the cells are ruled");
});

test("a table longer than a page goes on with whole rows on the next page", async () => {
  const all = await pages(await pdfExport(exportWithTable(80)));
  const logs = all.flatMap((p, n) => p.text.filter((t) => /^Log \d+$/.test(t.str)).map((t) => ({ ...t, n })));
  assert.equal(logs.length, 79, "every row is there once");
  assert.ok(new Set(logs.map((l) => l.n)).size > 1, "on more than one page");
  for (const log of logs) {
    const year = all[log.n]!.text.find((t) => t.str === "1 year" && t.y === log.y);
    assert.ok(year, `${log.str}: its second cell is on the same page and line`);
  }
});
