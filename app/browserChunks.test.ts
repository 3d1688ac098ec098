import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";

// Guards the negotiation page's weight budget (bench/pageWeight.ts) where it is easiest to lose:
// a browser module importing a catalogue, or a file that also builds zod schemas, by accident.
// Reads the client metafile of the build `npm test` makes first.
interface Metafile {
  outputs: Record<string, { entryPoint?: string; inputs: Record<string, unknown>; imports: { path: string; kind: string }[] }>;
}
const metafile = JSON.parse(fs.readFileSync(new URL("../build/metafile.js.json", import.meta.url), "utf8")) as Metafile;

function outputOf(entry: RegExp): string {
  const found = Object.entries(metafile.outputs).find(([, o]) => o.entryPoint && entry.test(o.entryPoint));
  assert.ok(found, `no output for ${entry}`);
  return found[0];
}

/** The source files a browser loads with these outputs: static imports, and the dynamic ones named. */
function sourcesLoaded(starts: string[], alsoDynamic: RegExp): Set<string> {
  const seen = new Set<string>();
  const queue = [...starts];
  for (let next = queue.pop(); next; next = queue.pop()) {
    if (seen.has(next)) continue;
    seen.add(next);
    for (const i of metafile.outputs[next]!.imports) if (i.kind !== "dynamic-import" || alsoDynamic.test(i.path)) queue.push(i.path);
  }
  return new Set([...seen].flatMap((output) => Object.keys(metafile.outputs[output]!.inputs)));
}

const negotiationPage = sourcesLoaded(
  [outputOf(/entry\.client\.tsx$/), outputOf(/root\.tsx\?browser$/), outputOf(/routes\/negotiations\.\$id\.tsx\?browser$/)],
  /ScheduleEditor\.client/,
);

test("the negotiation page loads no catalogue before it asks for its reader's", () => {
  const catalogues = [...negotiationPage].filter((file) => /shared\/i18n\/(activity\.)?(en|nl)\.ts$/.test(file));
  assert.deepEqual(catalogues, []);
});

test("each language's catalogue is a chunk of its own", () => {
  for (const locale of ["en", "nl"]) {
    const holding = Object.entries(metafile.outputs).filter(([, o]) => `shared/i18n/${locale}.ts` in o.inputs);
    assert.equal(holding.length, 1, `${locale}.ts is in ${holding.length} chunks`);
    assert.ok(!Object.keys(holding[0]![1].inputs).some((file) => /shared\/i18n\/(en|nl)\.ts$/.test(file) && file !== `shared/i18n/${locale}.ts`));
  }
});

test("the negotiation page and its editor carry no zod: the server checks what they send", () => {
  assert.ok(
    [...negotiationPage].some((file) => file.includes("node_modules/prosemirror-view/")),
    "the editor chunk is followed",
  );
  assert.deepEqual(
    [...negotiationPage].filter((file) => file.includes("node_modules/zod/")),
    [],
  );
});
