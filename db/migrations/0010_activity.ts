import { sql, type Kysely } from "kysely";

/**
 * Notifications were mentions only; now they also point at an audit entry, the activity record of
 * a move (agreed, change requested, signed, …), so a row has a kind and either a comment or an
 * entry. SQLite cannot relax NOT NULL in place, hence the copy. Each user's digest setting
 * and when the last digest went get their own table; a user without a row gets digests.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("notifications_new")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("negotiation_id", "text", (c) => c.notNull().references("negotiations.id").onDelete("cascade"))
    .addColumn("kind", "text", (c) => c.notNull().defaultTo("mention"))
    .addColumn("audit_id", "integer", (c) => c.references("audit_log.id").onDelete("cascade"))
    .addColumn("thread_id", "text", (c) => c.references("threads.id").onDelete("cascade"))
    .addColumn("comment_id", "text", (c) => c.references("comments.id").onDelete("cascade"))
    .addColumn("created_at", "integer", (c) => c.notNull())
    .addColumn("read_at", "integer")
    .execute();
  await sql`insert into notifications_new (id, user_id, negotiation_id, kind, thread_id, comment_id, created_at, read_at)
            select id, user_id, negotiation_id, 'mention', thread_id, comment_id, created_at, read_at from notifications`.execute(db);
  await db.schema.dropTable("notifications").execute();
  await db.schema.alterTable("notifications_new").renameTo("notifications").execute();
  await db.schema.createIndex("notifications_user").on("notifications").columns(["user_id", "read_at"]).execute();
  await db.schema
    .createTable("digest_settings")
    .addColumn("user_id", "text", (c) => c.primaryKey().references("users.id").onDelete("cascade"))
    .addColumn("enabled", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("last_sent_at", "integer")
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("digest_settings").execute();
  await sql`delete from notifications where kind != 'mention'`.execute(db);
  await db.schema
    .createTable("notifications_old")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("negotiation_id", "text", (c) => c.notNull().references("negotiations.id").onDelete("cascade"))
    .addColumn("thread_id", "text", (c) => c.notNull().references("threads.id").onDelete("cascade"))
    .addColumn("comment_id", "text", (c) => c.notNull().references("comments.id").onDelete("cascade"))
    .addColumn("created_at", "integer", (c) => c.notNull())
    .addColumn("read_at", "integer")
    .execute();
  await sql`insert into notifications_old select id, user_id, negotiation_id, thread_id, comment_id, created_at, read_at from notifications`.execute(db);
  await db.schema.dropTable("notifications").execute();
  await db.schema.alterTable("notifications_old").renameTo("notifications").execute();
  await db.schema.createIndex("notifications_user").on("notifications").columns(["user_id", "read_at"]).execute();
}
