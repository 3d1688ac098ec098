import { translate, type Locale, type MessageKey, type Params } from "../../shared/i18n/index";
import { calendarDateFormatter } from "../../shared/i18n/calendarDateFormatter";
import { dateTimeFormatter } from "../../shared/i18n/dateTimeFormatter";
import { reviewDateMs } from "../../shared/agreements/calendarDate";
import { attendeeLines, type AttendeeLine } from "../../shared/moderatedSessions/minutesAttendees";
import { describeMinutesEvent } from "../../shared/moderatedSessions/minutesEvents";
import type { MinutesRevision, Outcome } from "../../shared/moderatedSessions/sessions";

/** One piece of the minutes, already in the reader's language: each format only decides how it looks. */
export type MinutesBlock =
  | { kind: "title"; text: string }
  | { kind: "heading"; text: string }
  | { kind: "item"; number: number; title: string }
  | { kind: "outcome"; outcome: Outcome | null; text: string }
  | { kind: "paragraph"; text: string }
  /** An aside: the note on what an outcome means, "no actions". */
  | { kind: "note"; text: string }
  | { kind: "list"; lines: string[] }
  | { kind: "attendees"; lines: AttendeeLine[] };

export interface MinutesDocument {
  t: (key: MessageKey, params?: Params) => string;
  title: string;
  /** Which minutes a page belongs to, for the running header or footer of the paged formats. */
  pageLine: string;
  blocks: MinutesBlock[];
}

/** Published minutes as blocks, in the reader's language; times in UTC, which both parties share. */
export function minutesBlocks(minutes: MinutesRevision, locale: Locale): MinutesDocument {
  const t = (key: MessageKey, params?: Params) => translate(locale, key, params);
  const time = dateTimeFormatter(locale);
  const day = calendarDateFormatter(locale);
  const c = minutes.content;
  const blocks: MinutesBlock[] = [
    { kind: "title", text: t("sessions.minutes.fileTitle", { title: c.negotiationTitle }) },
    {
      kind: "list",
      lines: [
        t("sessions.minutes.planned", { time: time(c.plannedAt) }),
        ...(c.startedAt ? [t("sessions.minutes.held", { start: time(c.startedAt), end: time(c.endedAt) })] : []),
        t("sessions.minutes.moderator", { name: c.moderator }),
        t("sessions.minutes.revision", { revision: minutes.revision, time: time(minutes.publishedAt), name: minutes.publishedBy }),
        ...(minutes.note ? [t("sessions.minutes.correction", { note: minutes.note })] : []),
      ],
    },
    { kind: "note", text: t("sessions.minutes.notAgreementNote") },
    { kind: "heading", text: t("sessions.minutes.attendees") },
    ...(c.attendees.length === 0 ? [{ kind: "paragraph" as const, text: t("sessions.minutes.noAttendees") }] : []),
    { kind: "attendees", lines: attendeeLines(c.attendees, t) },
    { kind: "heading", text: t("sessions.minutes.items") },
  ];
  c.items.forEach((item, i) => {
    blocks.push(
      { kind: "item", number: i + 1, title: item.title },
      { kind: "outcome", outcome: item.outcome, text: item.outcome ? t(`sessions.outcome.${item.outcome}`) : t("sessions.outcome.none") },
      { kind: "paragraph", text: item.decision ?? t("sessions.minutes.noDecision") },
      item.actions.length === 0
        ? { kind: "note", text: t("sessions.minutes.noActions") }
        : {
            kind: "list",
            lines: item.actions.map(
              (a) =>
                t("sessions.action.line", { assignee: a.assignee, what: a.what }) +
                (a.dueDate ? ` (${t("sessions.action.due", { date: day(reviewDateMs(a.dueDate)) })})` : ""),
            ),
          },
    );
  });
  // Minutes published before decision 034 kept no events: they get no section rather than "nothing happened".
  if (c.duringSession) {
    const events = c.duringSession;
    blocks.push(
      { kind: "heading", text: t("sessions.minutes.during") },
      events.length === 0
        ? { kind: "paragraph", text: t("sessions.minutes.nothingDuring") }
        : { kind: "list", lines: events.map((event) => describeMinutesEvent(event, t, locale, time)) },
    );
  }
  return {
    t,
    title: t("sessions.minutes.fileTitle", { title: c.negotiationTitle }),
    pageLine: t("sessions.minutes.pageLine", { date: time(c.plannedAt), revision: minutes.revision }),
    blocks,
  };
}
