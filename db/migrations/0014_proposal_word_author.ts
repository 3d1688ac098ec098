import { sql, type Kysely } from "kysely";

// A tracked change read from a Word file keeps the name Word recorded for it (issue #14: such a
// proposal is attributed to "Word: <author>"), next to the member who imported it, who answers for
// it. Rows imported before this column held that name in their reason ("Word: <author>, <date>"):
// for the proposals the import's audit entry lists, the name moves here and the reason empties.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("proposals").addColumn("word_author", "text").execute();
  await sql`
    update proposals
    set word_author = (
          select json_extract(entry.value, '$.author')
          from audit_log, json_each(audit_log.detail_json, '$.proposals') as entry
          where audit_log.action = 'import.tracked_changes'
            and audit_log.negotiation_id = proposals.negotiation_id
            and json_extract(entry.value, '$.id') = proposals.id
        ),
        reason = null
    where reason like 'Word: %'
      and exists (
          select 1
          from audit_log, json_each(audit_log.detail_json, '$.proposals') as entry
          where audit_log.action = 'import.tracked_changes'
            and audit_log.negotiation_id = proposals.negotiation_id
            and json_extract(entry.value, '$.id') = proposals.id
        )
  `.execute(db);
  // The audit entry said "Word: <author>"; the column holds the name as Word has it.
  await sql`update proposals set word_author = substr(word_author, 7) where word_author like 'Word: %'`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("proposals").dropColumn("word_author").execute();
}
