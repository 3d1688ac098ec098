import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import SQLite from "better-sqlite3";
import { startTestServer, type TestServer } from "../test/testServer";
import { waitFor } from "../test/collabClient";
import { pilotNegotiationId } from "../test/pilotNegotiation";

let server: TestServer;
let negotiationId: string;
let sqlite: SQLite.Database;
const reviewMoves = () =>
  sqlite.prepare("select id, user_id, detail_json from audit_log where negotiation_id = ? and action = 'review.due'").all(negotiationId) as {
    id: number;
    user_id: string | null;
    detail_json: string;
  }[];

before(async () => {
  // Due reviews are looked for with the digests, every second here.
  server = await startTestServer({ env: { DIGEST_CHECK_SECONDS: "1" } });
  negotiationId = await pilotNegotiationId(server.url);
  sqlite = new SQLite(path.join(server.dataDir, "app.db"));
});
after(async () => {
  sqlite.close();
  await server.stop();
});

test("an agreement in force whose review date is within 30 days records 'due for review' once, notifying every member", async () => {
  await sleep(2_000);
  assert.equal(reviewMoves().length, 0, "not in force: nothing is due");
  const dueAt = Date.now() + 10 * 24 * 60 * 60 * 1000;
  sqlite.prepare("update negotiations set frozen_at = ?, review_due_at = ? where id = ?").run(Date.now(), dueAt, negotiationId);

  await waitFor(() => reviewMoves().length > 0, "the review-due move", 15_000);
  await sleep(3_000);
  const moves = reviewMoves();
  assert.equal(moves.length, 1, "later checks record nothing again");
  assert.equal(moves[0]!.user_id, null, "nobody's move");
  assert.deepEqual(JSON.parse(moves[0]!.detail_json), { dueAtMs: dueAt, dueAt: new Date(dueAt).toISOString().slice(0, 10), page: "agreement" });
  const members = (
    sqlite.prepare("select user_id from negotiation_members where negotiation_id = ? order by user_id").all(negotiationId) as { user_id: string }[]
  ).map((m) => m.user_id);
  const notified = (sqlite.prepare("select user_id from notifications where audit_id = ? order by user_id").all(moves[0]!.id) as { user_id: string }[]).map(
    (n) => n.user_id,
  );
  assert.ok(members.length > 1);
  assert.deepEqual(notified, members);
});
