import nodemailer from "nodemailer";
import type { DB } from "../../db/connection";
import type { Logger } from "../logger";
import { insertOutboxMail } from "../../db/queries/outbox";

export interface Mail {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  /** Where a sent mail goes: out through SMTP_URL, or into the outbox table (no SMTP_URL). */
  readonly via: "smtp" | "outbox";
  send(mail: Mail): Promise<void>;
}

/**
 * With SMTP_URL, mail goes out through that server. Without it, nothing is sent: the message is
 * logged and kept in the outbox table, which demo mode shows at /outbox.
 */
export function createMailer(smtpUrl: string | null, from: string, db: DB, logger: Logger): Mailer {
  if (smtpUrl) {
    const transport = nodemailer.createTransport(smtpUrl);
    return {
      via: "smtp",
      async send(mail) {
        await transport.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text });
        logger.info({ to: mail.to, subject: mail.subject }, "mail sent");
      },
    };
  }
  return {
    via: "outbox",
    async send(mail) {
      await insertOutboxMail(db, { to: mail.to, subject: mail.subject, body: mail.text });
      logger.info({ to: mail.to, subject: mail.subject, body: mail.text }, "mail not sent (no SMTP_URL): kept in the outbox");
    },
  };
}
