// One line per thing done during a session (decision 034), in the reader's language: the minutes
// page and the Markdown file say the same.
import { describeAuditEntry } from "../auditDescription";
import type { Locale, MessageKey, Params } from "../i18n/index";
import type { MinutesEvent } from "./sessions";

type Translate = (key: MessageKey, params?: Params) => string;

export function describeMinutesEvent(event: MinutesEvent, t: Translate, locale: Locale, time: (ms: number) => string): string {
  const what =
    event.action === "thread.resolved"
      ? t("sessions.minutes.threadResolved", { clause: typeof event.detail.clause === "string" ? event.detail.clause : t("threads.clauseRemoved") })
      : describeAuditEntry(event, t, locale);
  return t("sessions.minutes.event", { time: time(event.at), name: event.by ?? t("sessions.minutes.someone"), what });
}
