import { reviewDateMs } from "../../../shared/agreements/calendarDate";
import type { ExportFormat } from "../../../shared/agreements/exportFormats";
import type { MessageKey } from "../../../shared/i18n/index";
import { attendeeLines } from "../../../shared/moderatedSessions/minutesAttendees";
import type { MinutesRevision, SessionView } from "../../../shared/moderatedSessions/sessions";
import { useFormatCalendarDate, useFormatDateTime, useLocale, useT } from "../../i18n";
import { describeMinutesEvent } from "../../../shared/moderatedSessions/minutesEvents";
import { ActionLine } from "./ActionLine";
import { CorrectMinutes } from "./CorrectMinutes";
import { MarkDoneButton } from "./MarkDoneButton";
import type { RunCommand } from "./useSessionCommand";

// Markdown first, where the only download used to be, so the link members know stays put.
const downloads: [ExportFormat, MessageKey][] = [
  ["md", "sessions.minutes.downloadMd"],
  ["docx", "sessions.minutes.downloadDocx"],
  ["pdf", "sessions.minutes.downloadPdf"],
];

interface Props {
  negotiationId: string;
  session: SessionView;
  moderating: boolean;
  me: string;
  today: string;
  run: RunCommand;
  busy: boolean;
}

/** The published minutes (the latest revision, earlier ones below), the actions as they stand now, and the minutes as files. */
export function MinutesView({ negotiationId, session, moderating, me, today, run, busy }: Props) {
  const t = useT();
  const latest = session.minutes.at(-1);
  const actions = session.agenda.flatMap((i) => i.actions);
  if (!latest) return null;
  return (
    <>
      <section aria-labelledby="minutes-heading" className="minutes">
        <h2 id="minutes-heading">{t("sessions.minutes.title")}</h2>
        <ul className="minutes-downloads">
          {downloads.map(([format, label]) => (
            <li key={format}>
              <a href={`/negotiations/${negotiationId}/sessions/${session.id}/minutes?format=${format}`} download>
                {t(label)}
              </a>
            </li>
          ))}
        </ul>
        <MinutesRevisionView minutes={latest} />
        {session.minutes.length > 1 && (
          <details>
            <summary>{t("sessions.minutes.earlier")}</summary>
            {session.minutes.slice(0, -1).map((m) => (
              <MinutesRevisionView key={m.revision} minutes={m} />
            ))}
          </details>
        )}
      </section>
      {actions.length > 0 && (
        <section aria-labelledby="actions-heading">
          <h2 id="actions-heading">{t("sessions.run.actions")}</h2>
          <ul className="action-list">
            {actions.map((a) => (
              <li key={a.id}>
                <ActionLine action={a} today={today} />
                {(a.assigneeId === me || moderating) && <MarkDoneButton negotiationId={negotiationId} action={a} />}
              </li>
            ))}
          </ul>
        </section>
      )}
      {moderating && <CorrectMinutes minutes={latest} run={run} busy={busy} />}
    </>
  );
}

function MinutesRevisionView({ minutes }: { minutes: MinutesRevision }) {
  const t = useT();
  const formatTime = useFormatDateTime();
  const locale = useLocale();
  const formatDay = useFormatCalendarDate();
  const c = minutes.content;
  return (
    <article className="minutes-revision">
      <p className="hint">
        {t("sessions.minutes.revision", { revision: minutes.revision, time: formatTime(minutes.publishedAt), name: minutes.publishedBy })}
        {minutes.note && <> · {t("sessions.minutes.correction", { note: minutes.note })}</>}
      </p>
      <ul className="minutes-facts">
        <li>{t("sessions.minutes.planned", { time: formatTime(c.plannedAt) })}</li>
        {c.startedAt && <li>{t("sessions.minutes.held", { start: formatTime(c.startedAt), end: formatTime(c.endedAt) })}</li>}
        <li>{t("sessions.minutes.moderator", { name: c.moderator })}</li>
      </ul>
      <p className="hint">{t("sessions.minutes.notAgreementNote")}</p>
      <h3>{t("sessions.minutes.attendees")}</h3>
      {c.attendees.length === 0 ? (
        <p>{t("sessions.minutes.noAttendees")}</p>
      ) : (
        <dl className="attendees">
          {attendeeLines(c.attendees, t).map((line) => (
            <div key={line.role}>
              <dt>{line.label}</dt>
              <dd>{line.names}</dd>
            </div>
          ))}
        </dl>
      )}
      <h3>{t("sessions.minutes.items")}</h3>
      <ol className="minutes-items">
        {c.items.map((item) => (
          <li key={item.itemId}>
            <h4>{item.title}</h4>
            <p>
              <strong className={`outcome outcome-${item.outcome ?? "none"}`}>
                {item.outcome ? t(`sessions.outcome.${item.outcome}`) : t("sessions.outcome.none")}
              </strong>
            </p>
            <p>{item.decision ?? t("sessions.minutes.noDecision")}</p>
            {item.actions.length > 0 && (
              <ul>
                {item.actions.map((a, i) => (
                  <li key={i}>
                    {t("sessions.action.line", { assignee: a.assignee, what: a.what })}
                    {a.dueDate && <> · {t("sessions.action.due", { date: formatDay(reviewDateMs(a.dueDate)) })}</>}
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ol>
      {c.duringSession && (
        <>
          <h3>{t("sessions.minutes.during")}</h3>
          {c.duringSession.length === 0 ? (
            <p>{t("sessions.minutes.nothingDuring")}</p>
          ) : (
            <ul className="minutes-during">
              {c.duringSession.map((event, i) => (
                <li key={i}>{describeMinutesEvent(event, t, locale, formatTime)}</li>
              ))}
            </ul>
          )}
        </>
      )}
    </article>
  );
}
