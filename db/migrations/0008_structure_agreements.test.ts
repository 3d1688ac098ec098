import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Migrator } from "kysely";
import { migrateToLatest, openDatabase } from "../connection";
import { migrations } from "./index";
import { buildScheduleDoc } from "../../shared/editor/scheduleTemplate";
import { structureHash, structureUnitId } from "../../shared/agreements/scheduleStructure";

test("an agreement in force before the structure was a unit counts as both signers' agreement to its structure", async () => {
  const { db, sqlite } = openDatabase(fs.mkdtempSync(path.join(os.tmpdir(), "cg-migration-")));
  try {
    const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
    const { error } = await migrator.migrateTo("0006_agreements");
    assert.ifError(error);

    const doc = buildScheduleDoc({ sections: [{ heading: "Backups", clauses: [{ heading: "Daily", requirement: null, body: ["Daily backups."] }] }] });
    for (const id of ["bea", "sam"])
      await db
        .insertInto("users")
        .values({ id, email: `${id}@x.test`, name: id, password_hash: "x", locale: null, created_at: 1 })
        .execute();
    for (const id of ["signed", "draft"]) {
      await db
        .insertInto("negotiations")
        .values({ id, title: id, buyer_org: "B", supplier_org: "S", created_by: "bea", created_at: 1, last_activity_at: 1, setup_json: null })
        .execute();
    }
    const version = (id: string, number: number, content: unknown) => ({
      id,
      negotiation_id: "signed",
      number,
      name: id,
      kind: "effective",
      round: number - 1,
      created_by: "bea",
      created_at: number,
      content_json: JSON.stringify(content),
      content_hash: "h",
      ydoc_state: new Uint8Array(),
      status_json: "[]",
    });
    const older = buildScheduleDoc({ sections: [{ heading: "Old heading", clauses: [] }] });
    await db
      .insertInto("versions")
      .values([version("v1", 1, older.toJSON()), version("v2", 2, doc.toJSON())])
      .execute();
    const signoff = (party: string, user: string, versionId: string, at: number) => ({
      negotiation_id: "signed",
      round: 0,
      party,
      user_id: user,
      content_hash: "h",
      at,
      version_id: versionId,
    });
    await db
      .insertInto("signoffs")
      .values([
        signoff("buyer", "bea", "v1", 10),
        signoff("supplier", "sam", "v1", 11),
        signoff("buyer", "bea", "v2", 20),
        signoff("supplier", "sam", "v2", 21),
      ])
      .execute();

    await migrateToLatest(db);
    const rows = await db
      .selectFrom("clause_agreements")
      .select(["negotiation_id", "clause_id", "party", "decision", "content_hash", "user_id", "at", "reason"])
      .orderBy("id")
      .execute();
    const hash = structureHash(doc);
    assert.deepEqual(
      rows,
      [
        { negotiation_id: "signed", clause_id: structureUnitId, party: "buyer", decision: "agreed", content_hash: hash, user_id: "bea", at: 20, reason: null },
        {
          negotiation_id: "signed",
          clause_id: structureUnitId,
          party: "supplier",
          decision: "agreed",
          content_hash: hash,
          user_id: "sam",
          at: 21,
          reason: null,
        },
      ],
      "only the version in force counts, and a negotiation never signed gets nothing",
    );
    const audit = await db.selectFrom("audit_log").select(["action", "detail_json"]).execute();
    assert.equal(audit.length, 2, "each carried-over agreement is in the audit log");
    assert.equal(JSON.parse(audit[0]!.detail_json).migrated, true);
  } finally {
    await db.destroy();
    sqlite.close();
  }
});
