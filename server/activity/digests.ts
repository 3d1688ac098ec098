import { markDigestSent, usersDueDigest } from "../../db/queries/digestSettings";
import { isLocale, translate } from "../../shared/i18n/index";
import type { Services } from "../context";
import { notificationViews } from "./notificationViews";
import { recordReviewsDue } from "./reviewDue";

/**
 * Mails each user due one a digest of their unread notifications since the last digest (through
 * SMTP_URL, or into the outbox in demo mode), at most one per interval. Notifications are filtered
 * as everywhere (current membership and visibility), so a digest never tells more than the bell.
 */
export async function sendDigests(services: Services, now = Date.now()): Promise<number> {
  const intervalMs = services.config.digestIntervalMinutes * 60_000;
  const origin = services.config.publicOrigin ?? `http://localhost:${services.config.port}`;
  let sent = 0;
  for (const user of await usersDueDigest(services.db, now, intervalMs)) {
    const locale = isLocale(user.locale) ? user.locale : "en";
    const entries = await notificationViews(services.db, user.id, locale, { unreadSince: user.since, limit: 50 });
    // Recorded first: a failing mail server must not turn the interval into a retry loop.
    await markDigestSent(services.db, user.id, now);
    if (entries.length === 0) continue;
    const lines = entries.map((n) => translate(locale, "digest.line", { title: n.headline, what: n.what || n.excerpt || "", link: `${origin}${n.link}` }));
    const text = [translate(locale, "digest.intro"), "", ...lines, "", translate(locale, "digest.footer", { link: `${origin}/settings` })].join("\n");
    await services.mailer
      .send({ to: user.email, subject: translate(locale, "digest.subject", { count: entries.length }), text })
      .then(() => (sent += 1))
      .catch((error) => services.logger.warn({ err: error }, "digest mail failed"));
  }
  return sent;
}

/** Checks for due reviews and digests every `checkSeconds`, reviews first so that a digest can tell them; returns how to stop. */
export function scheduleDigests(services: Services): () => void {
  const timer = setInterval(() => {
    recordReviewsDue(services)
      .then(() => sendDigests(services))
      .catch((error) => services.logger.warn({ err: error }, "digest run failed"));
  }, services.config.digestCheckSeconds * 1000);
  timer.unref();
  return () => clearInterval(timer);
}
