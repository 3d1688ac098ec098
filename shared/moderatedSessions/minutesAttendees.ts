// Who was present, one line per role: the minutes page and every export say it the same way, so
// what a line holds (e.g. how long each attendee was connected) changes here only.
import type { MessageKey, Params } from "../i18n/index";
import { roles, type Role } from "../roles";
import type { MinutesContent } from "./sessions";

type Translate = (key: MessageKey, params?: Params) => string;

export interface AttendeeLine {
  role: Role;
  /** The role in the reader's language. */
  label: string;
  /** Who attended in that role. */
  names: string;
}

/** How long someone attended (decision 036): "present, not connected" when the moderator ticked them without a connection. */
export function attendedLabel(ms: number, t: Translate): string {
  if (ms <= 0) return t("sessions.attendance.notConnected");
  if (ms < 60_000) return t("sessions.attendance.underMinute");
  return t("sessions.attendance.minutes", { minutes: Math.round(ms / 60_000) });
}

/** An attendee with how long they were connected; minutes published before attendance was kept name them only. */
export function attendeeLabel(attendee: MinutesContent["attendees"][number], t: Translate): string {
  if (attendee.attendedMs === undefined) return attendee.name;
  return t("sessions.attendance.line", { name: attendee.name, duration: attendedLabel(attendee.attendedMs, t) });
}

export function attendeeLines(attendees: MinutesContent["attendees"], t: Translate): AttendeeLine[] {
  return roles.flatMap((role) => {
    const names = attendees.filter((a) => a.role === role).map((a) => attendeeLabel(a, t));
    return names.length > 0 ? [{ role, label: t(`role.${role}`), names: names.join(", ") }] : [];
  });
}
