import * as Y from "yjs";
import { scheduleFragmentName } from "../shared/editor/schema";
import { openSeeding } from "./seed";

export interface HistorySeed {
  /** The demo schedule plus `updates` keystroke updates, all in doc_updates after its snapshot. */
  history: string;
  /** The same content stored as a snapshot only, with no rows behind it: the freshly compacted case. */
  compacted: string;
  /** A plain negotiation to open first, so the measured opens do not pay for a cold JIT. */
  warmup: string;
  cookie: string;
}

const authors = 10;
/** Keystrokes an author types before the next one takes over, so compaction has runs to merge. */
const burst = 20;
const flushEvery = 5_000;

/**
 * Seeds `pairs` negotiation pairs. The history is typed by several authors into one Y.Doc by
 * switching its clientID between transactions: the same updates several synced docs would produce,
 * without applying every update to every doc.
 */
export async function seedHistory(dataDir: string, updates: number): Promise<HistorySeed> {
  const seeding = await openSeeding(dataDir);
  try {
    const members = await seeding.users(authors);
    const history = await seeding.negotiation(members);
    const doc = seeding.store.load(history);
    const texts = paragraphTexts(doc.getXmlFragment(scheduleFragmentName));
    let author = 0;
    doc.on("update", (update: Uint8Array) => seeding.store.append(history, update, members[author]!.id));
    for (let i = 0; i < updates; i++) {
      author = Math.floor(i / burst) % authors;
      doc.clientID = 1_000_000 + author;
      const text = texts[author % texts.length]!;
      // Mostly typing, sometimes a backspace, at the end of the author's paragraph.
      if (i % 10 === 9 && text.length > 0) text.delete(text.length - 1, 1);
      else text.insert(text.length, String.fromCharCode(97 + (i % 26)));
      if (i % flushEvery === flushEvery - 1) seeding.store.flush();
    }
    seeding.store.flush();
    const compacted = await seeding.negotiation(members);
    // compact() snapshots the doc it is given: here, the history's doc, with no rows behind it.
    seeding.store.compact(compacted, doc);
    doc.destroy();
    return { history, compacted, warmup: await seeding.negotiation(members), cookie: members[0]!.cookie };
  } finally {
    await seeding.close();
  }
}

function paragraphTexts(fragment: Y.XmlFragment): Y.XmlText[] {
  const texts: Y.XmlText[] = [];
  const visit = (node: Y.XmlFragment | Y.XmlElement) => {
    for (const child of node.toArray()) {
      if (child instanceof Y.XmlText && node instanceof Y.XmlElement && node.nodeName === "paragraph") texts.push(child);
      else if (child instanceof Y.XmlElement) visit(child);
    }
  };
  visit(fragment);
  return texts;
}
