// Agreement features at realistic sizes: a redline over a long attributed history, and exports
// of a large schedule. Runs in-process against a real SQLite file.
import * as Y from "yjs";
import { redlineSince } from "../server/agreements/redline";
import { docxExport } from "../server/agreements/exports/docxExport";
import type { ExportDocument } from "../server/agreements/exports/exportDocument";
import { markdownExport } from "../server/agreements/exports/markdownExport";
import { pdfExport } from "../server/agreements/exports/pdfExport";
import { buildScheduleDoc } from "../shared/editor/scheduleTemplate";
import { scheduleFragmentName } from "../shared/editor/schema";
import { scheduleModel } from "../shared/editor/scheduleModel";
import { translate } from "../shared/i18n/index";
import { saasDemoSchedule } from "../server/demo/saasSchedule";
import { openSeeding } from "./seed";

export const agreementTargets = { redlineMs: 2000, docxMs: 2000, pdfMs: 3000 };

export interface AgreementTimes {
  updates: number;
  turns: number;
  redlineMs: number;
  changedClauses: number;
  clauses: number;
  exports: { format: string; ms: number; bytes: number }[];
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function timed<T>(run: () => Promise<T> | T, repeats = 3): Promise<{ ms: number; result: T }> {
  const times: number[] = [];
  let result!: T;
  for (let i = 0; i < repeats; i++) {
    const started = performance.now();
    result = await run();
    times.push(performance.now() - started);
  }
  return { ms: median(times), result };
}

/** Three members take turns, each turn typing and deleting in random clauses of the demo schedule. */
async function seedEdits(dataDir: string, turns: number, updatesPerTurn: number) {
  const seeding = await openSeeding(dataDir);
  const members = await seeding.users(3);
  const negotiationId = await seeding.negotiation(members);
  const doc = seeding.store.load(negotiationId);
  const base = Y.encodeStateAsUpdate(doc);
  const paragraphs: Y.XmlText[] = [];
  const walk = (node: Y.XmlElement | Y.XmlFragment) =>
    node.toArray().forEach((child) => (child instanceof Y.XmlText ? paragraphs.push(child) : child instanceof Y.XmlElement && walk(child)));
  walk(doc.getXmlFragment(scheduleFragmentName));
  let seed = 42;
  const random = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
  for (let turn = 0; turn < turns; turn++) {
    const userId = members[turn % members.length]!.id;
    for (let k = 0; k < updatesPerTurn; k++) {
      const text = paragraphs[random(paragraphs.length)]!;
      let update: Uint8Array | null = null;
      doc.once("update", (u: Uint8Array) => (update = u));
      if (text.length > 20 && random(3) === 0) text.delete(random(text.length - 5), 3);
      else text.insert(random(text.length + 1), ` word${k}`);
      seeding.store.append(negotiationId, update!, userId);
    }
  }
  seeding.store.flush();
  return { seeding, negotiationId, base };
}

/** The demo schedule five times over: about 110 clauses, all agreed, as an export would see it. */
function largeExport(): ExportDocument {
  const sections = Array.from({ length: 5 }, () => saasDemoSchedule.sections).flat();
  const model = scheduleModel(buildScheduleDoc({ sections }));
  const t = (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) => translate("en", key, params);
  return {
    t,
    title: "Benchmark negotiation ⇄ large schedule",
    parties: [
      { party: "buyer", org: "Bench Buyer" },
      { party: "supplier", org: "Bench Supplier" },
    ],
    versionLabel: "Version 1: Benchmark",
    versionNumber: 1,
    contentHash: "0".repeat(64),
    generatedAt: Date.now(),
    progress: { agreed: model.flatMap((s) => s.clauses).length, total: model.flatMap((s) => s.clauses).length },
    trackedSince: null,
    openProposals: false,
    sections: model.map((s) => ({
      ...s,
      clauses: s.clauses.map((c) => ({
        ...c,
        status: "agreed" as const,
        agreedBy: [
          { party: "buyer" as const, userName: "Bench Buyer", at: Date.now() },
          { party: "supplier" as const, userName: "Bench Supplier", at: Date.now() },
        ],
      })),
    })),
    signoffs: [],
    threads: null,
    formatTime: (ms) => new Date(ms).toISOString(),
  };
}

export async function measureAgreements(dataDir: string, log: (line: string) => void): Promise<AgreementTimes> {
  const turns = 60;
  const updatesPerTurn = 50;
  log(`Seeding ${turns} turns of ${updatesPerTurn} edits by 3 members…`);
  const { seeding, negotiationId, base } = await seedEdits(dataDir, turns, updatesPerTurn);
  try {
    const redline = await timed(() => redlineSince({ db: seeding.db, documents: seeding.store }, negotiationId, base));
    const doc = largeExport();
    const exports = [];
    for (const [format, render] of [
      ["md", async () => Buffer.from(markdownExport(doc))],
      ["docx", () => docxExport(doc)],
      ["pdf", () => pdfExport(doc)],
    ] as const) {
      const { ms, result } = await timed(render);
      exports.push({ format, ms, bytes: result.length });
    }
    return {
      updates: turns * updatesPerTurn,
      turns,
      redlineMs: redline.ms,
      changedClauses: redline.result.clauses.filter((c) => c.change !== "unchanged").length,
      clauses: doc.sections.flatMap((s) => s.clauses).length,
      exports,
    };
  } finally {
    await seeding.close();
  }
}

export function agreementReport(times: AgreementTimes): string[] {
  const verdict = (ok: boolean) => (ok ? "PASS" : "FAIL");
  const exportMs = (format: string) => times.exports.find((e) => e.format === format)!.ms;
  return [
    `Redline over ${times.updates} attributed updates in ${times.turns} turns: ${times.redlineMs.toFixed(0)} ms (${times.changedClauses} clauses changed)`,
    ...times.exports.map((e) => `Export of ${times.clauses} clauses as ${e.format}: ${e.ms.toFixed(0)} ms, ${(e.bytes / 1024).toFixed(0)} KB`),
    `${verdict(times.redlineMs <= agreementTargets.redlineMs)}  redline ≤ ${agreementTargets.redlineMs} ms`,
    `${verdict(exportMs("docx") <= agreementTargets.docxMs)}  DOCX export ≤ ${agreementTargets.docxMs} ms`,
    `${verdict(exportMs("pdf") <= agreementTargets.pdfMs)}  PDF export ≤ ${agreementTargets.pdfMs} ms`,
  ];
}
