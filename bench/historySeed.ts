import * as Y from "yjs";
import { scheduleFragmentName } from "../shared/editor/schema";
import { openSeeding } from "./seed";

export interface HistorySeed {
  /** The demo schedule plus `updates` keystroke updates as a snapshot only, with no rows behind it. */
  compacted: string;
  /** The same history as rows, compacted by DocumentStore.compact, which the server runs at unload. */
  historyCompacted: string;
  /** The same history as rows after the snapshot, never compacted. */
  historyUncompacted: string;
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
  const { store } = seeding;
  try {
    const members = await seeding.users(authors);
    const historyUncompacted = await seeding.negotiation(members);
    const historyCompacted = await seeding.negotiation(members);
    const compacted = await seeding.negotiation(members);
    const warmup = await seeding.negotiation(members);
    const doc = store.load(historyUncompacted);
    // Both history negotiations start from the same snapshot, so the same updates apply to both.
    await store.compact(historyCompacted, doc);
    const texts = paragraphTexts(doc.getXmlFragment(scheduleFragmentName));
    let author = 0;
    doc.on("update", (update: Uint8Array) => {
      store.append(historyUncompacted, update, members[author]!.id);
      store.append(historyCompacted, update, members[author]!.id);
    });
    for (let i = 0; i < updates; i++) {
      author = Math.floor(i / burst) % authors;
      doc.clientID = 1_000_000 + author;
      const text = texts[author % texts.length]!;
      // Mostly typing, sometimes a backspace, at the end of the author's paragraph.
      if (i % 10 === 9 && text.length > 0) text.delete(text.length - 1, 1);
      else text.insert(text.length, String.fromCharCode(97 + (i % 26)));
      if (i % flushEvery === flushEvery - 1) store.flush();
    }
    store.flush();
    // compact() snapshots the doc it is given and merges the rows behind it, as RoomRegistry.unload does.
    await store.compact(historyCompacted, doc);
    await store.compact(compacted, doc);
    doc.destroy();
    return { compacted, historyCompacted, historyUncompacted, warmup, cookie: members[0]!.cookie };
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
