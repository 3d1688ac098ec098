import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import SQLite from "better-sqlite3";
import * as Y from "yjs";
import { startTestServer, type TestServer } from "../test/testServer";
import { HttpClient } from "../test/httpClient";
import { connectCollab, firstClauseText, sessionCookie, synced, typeInFirstClause, waitFor, type CollabClient } from "../test/collabClient";
import { scheduleFragmentName } from "../../shared/editor/schema";

let server: TestServer;
let negotiationId: string;
let editor: CollabClient;
let buyer: HttpClient;
// Another process's connection to the same database file, as a backup tool or an operator's shell.
let other: SQLite.Database;

before(async () => {
  server = await startTestServer();
  buyer = new HttpClient(server.url);
  await buyer.logIn("buyer@demo.test", "demo-password");
  negotiationId = ((await (await buyer.request("/api/negotiations")).json()) as { id: string }[])[0]!.id;
  editor = connectCollab(server.url, negotiationId, await sessionCookie(server.url, "supplier@demo.test"));
  await synced(editor);
  other = new SQLite(path.join(server.dataDir, "app.db"));
});
after(async () => {
  editor.destroy();
  if (other.inTransaction) other.exec("rollback");
  other.close();
  await server.stop();
});

/** The schedule as stored: the snapshot plus every update after it, read from the file. */
function storedClauseText(): string {
  const snapshot = other.prepare("select state, through_update_id from doc_snapshots where negotiation_id = ?").get(negotiationId) as {
    state: Buffer;
    through_update_id: number;
  };
  const updates = other
    .prepare("select data from doc_updates where negotiation_id = ? and id > ? order by id")
    .all(negotiationId, snapshot.through_update_id) as { data: Buffer }[];
  const doc = new Y.Doc();
  Y.applyUpdate(doc, snapshot.state);
  for (const u of updates) Y.applyUpdate(doc, u.data);
  return firstClauseText(doc.getXmlFragment(scheduleFragmentName));
}

async function timed(run: () => Promise<Response>): Promise<{ res: Response; ms: number }> {
  const started = performance.now();
  const res = await run();
  await res.arrayBuffer().catch(() => undefined);
  return { res, ms: performance.now() - started };
}

test("while another process holds the write lock the server keeps answering, writes answer 503, and no edit is lost", async () => {
  other.exec("begin exclusive");
  const typed = ["LOCKED-ONE", "LOCKED-TWO", "LOCKED-THREE"];
  for (const text of typed) {
    typeInFirstClause(editor, ` ${text}`);
    // Each attempt of the group commit meets the lock and waits for the next one.
    for (let i = 0; i < 3; i++) {
      const { res, ms } = await timed(() => fetch(`${server.url}/healthz`));
      assert.equal(res.status, 200);
      assert.ok(ms < 1000, `/healthz took ${Math.round(ms)} ms with the database locked`);
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
  }

  const api = await buyer.request(`/api/negotiations/${negotiationId}/versions`, {
    method: "POST",
    headers: { "Content-Type": "application/json", "Accept-Language": "nl" },
    body: JSON.stringify({ name: "During the lock" }),
  });
  assert.equal(api.status, 503);
  assert.equal(api.headers.get("retry-after"), "1");
  assert.match(((await api.json()) as { error: string }).error, /De server is bezig andere wijzigingen op te slaan/);
  const page = await new HttpClient(server.url).request("/login", {
    form: { email: "observer@demo.test", password: "demo-password" },
    headers: { Accept: "text/html" },
  });
  assert.equal(page.status, 503);
  assert.match(await page.text(), /The server is busy saving other changes\. Try again in a moment/);
  assert.doesNotMatch(storedClauseText(), /LOCKED-ONE/, "nothing could be written yet");

  other.exec("commit");
  await waitFor(() => typed.every((t) => storedClauseText().includes(t)), "the held edits to be stored once the lock is gone");
  assert.equal(
    (
      await buyer.request(`/api/negotiations/${negotiationId}/versions`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ name: "After the lock" }),
      })
    ).status,
    201,
  );
});
