import type { Kysely } from "kysely";

// A proposal adds or removes text, or a whole clause (decision 027): what it was stays known after
// it is decided and the clause it named is gone.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable("proposals")
    .addColumn("scope", "text", (c) => c.notNull().defaultTo("text"))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("proposals").dropColumn("scope").execute();
}
