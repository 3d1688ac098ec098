import type { DB } from "../connection";

export async function insertOutboxMail(db: DB, mail: { to: string; subject: string; body: string }): Promise<void> {
  await db.insertInto("outbox").values({ to_email: mail.to, subject: mail.subject, body: mail.body, created_at: Date.now() }).execute();
}

/** The latest 100 messages kept for one address, newest first. */
export async function outboxFor(db: DB, email: string) {
  return db.selectFrom("outbox").selectAll().where("to_email", "=", email).orderBy("id", "desc").limit(100).execute();
}
