import { sql, type Kysely } from "kysely";
import { structureHashOfJson, structureUnitId } from "../../shared/agreements/scheduleStructure";

// The schedule's structure (section headings, order, which clauses each section holds) becomes an
// agreeable unit of its own (decision 007). Both parties signed the agreement in force, structure
// included, so each signer's agreement to that structure is recorded as of their sign-off: an
// amendment round that leaves the structure alone then needs no new structure agreement.
export async function up(db: Kysely<unknown>): Promise<void> {
  // A change asked for on the structure has no clause to hang a thread on: its reason is kept here.
  await db.schema.alterTable("clause_agreements").addColumn("reason", "text").execute();

  const inForce = await sql<{ negotiation_id: string; id: string; number: number; content_json: string }>`
    SELECT v.negotiation_id, v.id, v.number, v.content_json FROM versions v
    WHERE v.kind = 'effective'
      AND v.number = (SELECT MAX(w.number) FROM versions w WHERE w.negotiation_id = v.negotiation_id AND w.kind = 'effective')
  `.execute(db);
  const now = Date.now();
  for (const version of inForce.rows) {
    const hash = structureHashOfJson(JSON.parse(version.content_json));
    const signers = await sql<{ party: string; user_id: string; at: number }>`
      SELECT party, user_id, at FROM signoffs
      WHERE id IN (SELECT MAX(id) FROM signoffs WHERE version_id = ${version.id} GROUP BY party)
    `.execute(db);
    for (const s of signers.rows) {
      await sql`
        INSERT INTO clause_agreements (negotiation_id, clause_id, party, decision, content_hash, user_id, thread_id, reason, at)
        VALUES (${version.negotiation_id}, ${structureUnitId}, ${s.party}, 'agreed', ${hash}, ${s.user_id}, NULL, NULL, ${s.at})
      `.execute(db);
      const detail = {
        clauseId: structureUnitId,
        number: "",
        heading: `schedule structure, as signed in version ${version.number}`,
        party: s.party,
        hash,
        migrated: true,
      };
      await sql`
        INSERT INTO audit_log (negotiation_id, user_id, action, detail_json, at)
        VALUES (${version.negotiation_id}, ${s.user_id}, 'clause.agreed', ${JSON.stringify(detail)}, ${now})
      `.execute(db);
    }
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DELETE FROM clause_agreements WHERE clause_id = ${structureUnitId}`.execute(db);
  await db.schema.alterTable("clause_agreements").dropColumn("reason").execute();
}
