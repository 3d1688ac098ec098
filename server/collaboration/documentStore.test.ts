import { after, test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import * as Y from "yjs";
import { migrateToLatest, openDatabase } from "../../db/connection";
import { createNegotiation } from "../../db/queries/negotiations";
import { buildScheduleDoc } from "../../shared/editor/scheduleTemplate";
import { scheduleFragmentName } from "../../shared/editor/schema";
import { newId } from "../../shared/ids";
import { createLogger } from "../logger";
import { DocumentStore } from "./documentStore";

const stores: DocumentStore[] = [];
after(async () => {
  for (const store of stores) await store.close();
});

async function setup() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cg-store-"));
  const { db, sqlite } = openDatabase(dir);
  await migrateToLatest(db);
  const users = [newId(), newId()];
  for (const id of users) {
    await db
      .insertInto("users")
      .values({ id, email: `${id}@x.test`, name: id, password_hash: "x", locale: null, created_at: 0 })
      .execute();
  }
  const negotiationId = await createNegotiation(db, {
    title: "t",
    buyerOrg: "b",
    supplierOrg: "s",
    createdBy: users[0]!,
    members: [{ userId: users[0]!, role: "buyer" }],
  });
  const store = new DocumentStore(sqlite, createLogger("silent"));
  stores.push(store);
  store.create(negotiationId, buildScheduleDoc({ sections: [{ heading: "S", clauses: [{ heading: "C", requirement: null, body: ["x"] }] }] }));
  return { db, sqlite, store, users, negotiationId };
}

/** Two authors taking turns, as in a live session: each keystroke is one stored update. */
function typeInTurns(store: DocumentStore, negotiationId: string, users: string[], count: number): Y.Doc {
  const doc = store.load(negotiationId);
  doc.on("update", (update: Uint8Array, origin: unknown) => store.append(negotiationId, update, origin as string));
  const section = doc.getXmlFragment(scheduleFragmentName).get(0) as Y.XmlElement;
  const heading = (section.get(0) as Y.XmlElement).get(0) as Y.XmlText;
  for (let i = 0; i < count; i++) {
    doc.transact(() => heading.insert(0, String(i % 10)), users[i % users.length]);
  }
  store.flush();
  return doc;
}

test("compaction merges interleaved authors into one row per author per 10 minutes, keeping the count", async () => {
  const { sqlite, store, users, negotiationId } = await setup();
  const doc = typeInTurns(store, negotiationId, users, 400);
  await store.compact(negotiationId, doc);
  const rows = sqlite.prepare("select user_id, merged_count from doc_updates where negotiation_id = ?").all(negotiationId) as {
    user_id: string;
    merged_count: number;
  }[];
  assert.equal(rows.length, 2, "one row per author");
  assert.deepEqual(rows.map((r) => r.merged_count).sort(), [200, 200]);
  const reopened = store.load(negotiationId);
  assert.equal(reopened.getXmlFragment(scheduleFragmentName).toString(), doc.getXmlFragment(scheduleFragmentName).toString());
});

test("a room opens from its snapshot plus the updates after it, and the result equals the live document", async () => {
  const { store, users, negotiationId } = await setup();
  const doc = typeInTurns(store, negotiationId, users, 50);
  await store.compact(negotiationId, doc);
  (doc.getXmlFragment(scheduleFragmentName).get(0) as Y.XmlElement).setAttribute("id", "changed-after-snapshot");
  store.flush();
  assert.equal(store.updatesSinceSnapshot(negotiationId), 1);
  const reopened = store.load(negotiationId);
  assert.equal(reopened.getXmlFragment(scheduleFragmentName).toString(), doc.getXmlFragment(scheduleFragmentName).toString());
});
