import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Migrator } from "kysely";
import { openDatabase } from "../connection";
import { migrations } from "./index";

test("tracked changes imported before the column keep their Word author in it, not in the reason; a member's own reason stays", async () => {
  const { db, sqlite } = openDatabase(fs.mkdtempSync(path.join(os.tmpdir(), "cg-migration-")));
  try {
    const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
    assert.ifError((await migrator.migrateTo("0013_proposal_threads")).error);
    await db.insertInto("users").values({ id: "bea", email: "bea@x.test", name: "Bea", password_hash: "x", locale: null, created_at: 1 }).execute();
    await db
      .insertInto("negotiations")
      .values({ id: "n", title: "n", buyer_org: "B", supplier_org: "S", created_by: "bea", created_at: 1, last_activity_at: 1, setup_json: null })
      .execute();
    const proposal = (id: string, reason: string | null) =>
      sqlite
        .prepare(
          "insert into proposals (id, negotiation_id, clause_id, kind, author_id, party, created_at, reason) values (?, 'n', 'c', 'insert', 'bea', 'buyer', 1, ?)",
        )
        .run(id, reason);
    proposal("imported", "Word: Anna de Vries, 2026-11-30");
    proposal("typed", "Word: the other side's wording is clearer");
    proposal("plain", null);
    sqlite
      .prepare("insert into audit_log (negotiation_id, user_id, action, detail_json, at) values ('n', 'bea', 'import.tracked_changes', ?, 1)")
      .run(JSON.stringify({ proposals: [{ id: "imported", kind: "insert", author: "Word: Anna de Vries", date: "2026-11-30T10:00:00Z" }] }));

    assert.ifError((await migrator.migrateToLatest()).error);
    const rows = sqlite.prepare("select id, word_author, reason from proposals order by id").all();
    assert.deepEqual(rows, [
      { id: "imported", word_author: "Anna de Vries", reason: null },
      { id: "plain", word_author: null, reason: null },
      { id: "typed", word_author: null, reason: "Word: the other side's wording is clearer" },
    ]);
  } finally {
    await db.destroy();
  }
});
