// What the server's checks cost per update, in process: the same updates applied to a room's
// document plainly, and through everything a connection does first (full decode, the vocabulary
// check, the dependency check, the guard). Keystrokes take the guard's short way; formatting is
// tried on its replica.
import { performance } from "node:perf_hooks";
import * as Y from "yjs";
import { scheduleFragmentName } from "../shared/editor/schema";
import { hasMissingDependencies } from "../server/collaboration/missingDependencies";
import { ScheduleGuard } from "../server/collaboration/scheduleGuard";
import { updateProblem } from "../server/collaboration/updateSchema";
import { scheduleAsUpdate } from "./seed";

export interface ValidationCost {
  kind: "keystrokes" | "formatting";
  updates: number;
  plainUs: number;
  checkedUs: number;
  /** What validation adds to one keystroke. */
  validationUs: number;
}

/** Keystrokes from `writers` members typing into different paragraphs of the demo schedule. */
/** Keystrokes, or (`formatting`) bold set on a character: an edit the guard tries on its replica. */
function edits(initial: Uint8Array, count: number, writers: number, formatting: boolean): Uint8Array[] {
  const docs = Array.from({ length: writers }, () => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, initial);
    return doc;
  });
  const out: Uint8Array[] = [];
  for (let i = 0; i < count; i++) {
    const doc = docs[i % writers]!;
    const sections = doc.getXmlFragment(scheduleFragmentName).toArray() as Y.XmlElement[];
    const clause = sections[(i % writers) % sections.length]!.get(1) as Y.XmlElement;
    const text = (clause.get(1) as Y.XmlElement).get(0) as Y.XmlText;
    const before = Y.encodeStateVector(doc);
    if (formatting) text.format(i % Math.max(1, text.length - 1), 1, { bold: i % 2 === 0 ? {} : null });
    else text.insert(Math.min(text.length, 5), "x");
    out.push(Y.encodeStateAsUpdate(doc, before));
  }
  return out;
}

function roomDoc(initial: Uint8Array): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, initial);
  return doc;
}

export function measureValidation(kind: ValidationCost["kind"], count = 5_000, writers = 10): ValidationCost {
  const initial = scheduleAsUpdate();
  const updates = edits(initial, count, writers, kind === "formatting");
  // Both phases timed update by update in one loop, so machine noise hits them alike.
  const run = () => {
    const room = roomDoc(initial);
    const guard = new ScheduleGuard(room, 8 * 1024 * 1024);
    let checking = 0;
    let applying = 0;
    for (const u of updates) {
      const t0 = performance.now();
      const decoded = Y.decodeUpdate(u);
      if (updateProblem(decoded) || hasMissingDependencies(decoded, room.store)) throw new Error("refused");
      const verdict = guard.admit(u, decoded);
      if (!verdict.ok) throw new Error(verdict.reason);
      const t1 = performance.now();
      Y.applyUpdate(room, u);
      const t2 = performance.now();
      checking += t1 - t0;
      applying += t2 - t1;
    }
    return { validationUs: (checking * 1000) / count, plainUs: (applying * 1000) / count };
  };
  run(); // warm-up: everything JIT-compiled before it is timed
  const { validationUs, plainUs } = run();
  const checkedUs = plainUs + validationUs;
  return { kind, updates: count, plainUs, checkedUs, validationUs };
}

export function validationReport(cost: ValidationCost): string {
  const us = (n: number) => `${n.toFixed(1)} µs`;
  return `Validation, ${cost.updates} ${cost.kind === "keystrokes" ? "keystrokes" : "bold on/off edits"} of 10 members on the demo schedule: applied plainly ${us(cost.plainUs)} each, checked and applied ${us(cost.checkedUs)} each (validation adds ${us(cost.validationUs)})`;
}

if (import.meta.url === `file://${process.argv[1]}`)
  for (const kind of ["keystrokes", "formatting"] as const) console.log(validationReport(measureValidation(kind)));
