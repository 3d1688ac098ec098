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

export function attendeeLines(attendees: MinutesContent["attendees"], t: Translate): AttendeeLine[] {
  return roles.flatMap((role) => {
    const names = attendees.filter((a) => a.role === role).map((a) => a.name);
    return names.length > 0 ? [{ role, label: t(`role.${role}`), names: names.join(", ") }] : [];
  });
}
