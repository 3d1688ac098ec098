import { getNegotiation, listMembers } from "../../db/queries/negotiations";
import { translate } from "../../shared/i18n/index";
import type { Services } from "../context";
import { inEveryLanguage } from "../mail/inEveryLanguage";
import { minutesMarkdown } from "./minutesMarkdown";
import { sessionView } from "./sessionView";

/**
 * With SMTP_URL, minutes just published (or corrected) go to every member of the negotiation: the
 * same text as the Markdown file, in every language, with the link to the session's page. A mail
 * server that refuses changes nothing published; it is logged.
 */
export async function mailMinutes(services: Services, negotiationId: string, sessionId: string): Promise<void> {
  if (!services.config.smtpUrl) return;
  const latest = (await sessionView(services.db, negotiationId, sessionId)).minutes.at(-1);
  if (!latest) return;
  const title = (await getNegotiation(services.db, negotiationId))?.title ?? "";
  const origin = services.config.publicOrigin ?? `http://localhost:${services.config.port}`;
  const link = `${origin}/negotiations/${negotiationId}/sessions/${sessionId}`;
  const text = inEveryLanguage((l) => `${translate(l, "sessions.mail.intro", { link })}\n\n${minutesMarkdown(latest, l)}`);
  const subject = translate("en", latest.revision === 1 ? "sessions.mail.subject" : "sessions.mail.subjectCorrected", { title, revision: latest.revision });
  for (const member of await listMembers(services.db, negotiationId))
    await services.mailer
      .send({ to: member.email, subject, text })
      .catch((error) => services.logger.warn({ err: error, negotiationId }, "minutes mail failed"));
}
