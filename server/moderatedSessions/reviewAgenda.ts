import { negotiationState } from "../../db/queries/negotiations";
import { effectiveSince } from "../../db/queries/versions";
import { calendarDate } from "../../shared/agreements/calendarDate";
import { calendarDateFormatter } from "../../shared/i18n/calendarDateFormatter";
import { translate, type Locale } from "../../shared/i18n/index";
import type { ReviewAgenda } from "../../shared/moderatedSessions/sessions";
import { readSchedule } from "../agreements/scheduleDocument";
import type { Services } from "../context";
import { catalogueWordings, chosenRegimes } from "./coverageGaps";
import { reviewChecklist } from "./reviewChecklist";

/**
 * The periodic review to plan as a session, or null while no agreement is in force. It stays on
 * offer during an amendment round: the signed agreement is in force until the parties sign again.
 */
export async function reviewAgenda(services: Services, negotiationId: string, locale: Locale): Promise<ReviewAgenda | null> {
  const signedAt = await effectiveSince(services.db, negotiationId);
  if (signedAt === null) return null;
  const { reviewDueAt } = await negotiationState(services.db, negotiationId);
  const items = reviewChecklist({
    doc: readSchedule(services, negotiationId),
    regimes: await chosenRegimes(services, negotiationId, locale),
    requirements: new Map(services.catalogue.requirements.map((r) => [r.id, r])),
    wordings: catalogueWordings(services, locale),
    // In UTC like the review date: the server does not know the reader's time zone.
    since: calendarDateFormatter(locale)(signedAt),
    t: (key, params) => translate(locale, key, params),
  });
  return { reviewDate: reviewDueAt === null ? null : calendarDate(reviewDueAt), signedAt, items };
}
