// How the minutes name an attendee (decision 036): with how long they were connected, so a name
// ticked by the moderator is told apart from a connection the server saw.
import type { MessageKey, Params } from "../i18n/index";
import type { MinutesContent } from "./sessions";

type Translate = (key: MessageKey, params?: Params) => string;

export function attendedLabel(ms: number, t: Translate): string {
  if (ms <= 0) return t("sessions.attendance.notConnected");
  if (ms < 60_000) return t("sessions.attendance.underMinute");
  return t("sessions.attendance.minutes", { minutes: Math.round(ms / 60_000) });
}

/** Minutes published before attendance was kept name the attendee only. */
export function attendeeLabel(attendee: MinutesContent["attendees"][number], t: Translate): string {
  if (attendee.attendedMs === undefined) return attendee.name;
  return t("sessions.attendance.line", { name: attendee.name, duration: attendedLabel(attendee.attendedMs, t) });
}
