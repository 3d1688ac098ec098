import { sql, type Kysely } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  // Owners manage their party's members; the creator is the first owner of their party.
  await db.schema
    .alterTable("negotiation_members")
    .addColumn("is_owner", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
  // Archiving is personal: it hides a negotiation from my active list, not from the others'.
  await db.schema.alterTable("negotiation_members").addColumn("archived_at", "integer").execute();
  await sql`update negotiation_members set is_owner = 1 where user_id = (select created_by from negotiations n where n.id = negotiation_id)`.execute(db);

  // The wizard's answers and why each clause was chosen, for the "why is this clause here" views.
  await db.schema.alterTable("negotiations").addColumn("setup_json", "text").execute();

  await db.schema
    .createTable("invitations")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("negotiation_id", "text", (c) => c.notNull().references("negotiations.id").onDelete("cascade"))
    .addColumn("email", "text", (c) => c.notNull())
    .addColumn("role", "text", (c) => c.notNull())
    .addColumn("token_hash", "text", (c) => c.notNull().unique())
    .addColumn("invited_by", "text", (c) => c.notNull().references("users.id"))
    .addColumn("created_at", "integer", (c) => c.notNull())
    .addColumn("expires_at", "integer", (c) => c.notNull())
    .addColumn("accepted_at", "integer")
    .addColumn("accepted_by", "text", (c) => c.references("users.id"))
    .addColumn("revoked_at", "integer")
    .execute();
  await db.schema.createIndex("invitations_negotiation").on("invitations").column("negotiation_id").execute();

  // Mail that could not be sent because no SMTP server is configured (shown on /outbox in demo mode).
  await db.schema
    .createTable("outbox")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("to_email", "text", (c) => c.notNull())
    .addColumn("subject", "text", (c) => c.notNull())
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("created_at", "integer", (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("outbox").execute();
  await db.schema.dropTable("invitations").execute();
  await db.schema.alterTable("negotiations").dropColumn("setup_json").execute();
  await db.schema.alterTable("negotiation_members").dropColumn("archived_at").execute();
  await db.schema.alterTable("negotiation_members").dropColumn("is_owner").execute();
}
