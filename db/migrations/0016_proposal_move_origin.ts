import type { Kysely } from "kysely";

// A clause proposed moved (decision 031): where it stood, recorded by the server when it admits the
// move, so rejecting puts it back there whatever the document says meanwhile.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("proposals").addColumn("moved_from_section", "text").execute();
  // The clause it followed; null with a section: it was first.
  await db.schema.alterTable("proposals").addColumn("moved_after", "text").execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("proposals").dropColumn("moved_after").execute();
  await db.schema.alterTable("proposals").dropColumn("moved_from_section").execute();
}
