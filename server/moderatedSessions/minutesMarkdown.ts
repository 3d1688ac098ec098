import { translate, type Locale, type MessageKey, type Params } from "../../shared/i18n/index";
import { calendarDateFormatter } from "../../shared/i18n/calendarDateFormatter";
import { dateTimeFormatter } from "../../shared/i18n/dateTimeFormatter";
import { reviewDateMs } from "../../shared/agreements/calendarDate";
import type { MinutesRevision } from "../../shared/moderatedSessions/sessions";
import { describeMinutesEvent } from "../../shared/moderatedSessions/minutesEvents";
import { roles } from "../../shared/roles";
import { escapeMarkdown as md } from "../agreements/exports/markdownExport";

// After "### 3. " a title starting "1.2" is no list, so only markup characters need escaping there.
const inHeading = (text: string) => text.replace(/([\\`*_{}[\]<>#|!~])/g, "\\$1");

/** Published minutes as a Markdown file, in the reader's language; times in UTC, which both parties share. */
export function minutesMarkdown(minutes: MinutesRevision, locale: Locale): string {
  const t = (key: MessageKey, params?: Params) => translate(locale, key, params);
  const time = dateTimeFormatter(locale);
  const day = calendarDateFormatter(locale);
  const c = minutes.content;
  const out = [
    `# ${md(t("sessions.minutes.fileTitle", { title: c.negotiationTitle }))}`,
    "",
    `- ${md(t("sessions.minutes.planned", { time: time(c.plannedAt) }))}`,
    ...(c.startedAt ? [`- ${md(t("sessions.minutes.held", { start: time(c.startedAt), end: time(c.endedAt) }))}`] : []),
    `- ${md(t("sessions.minutes.moderator", { name: c.moderator }))}`,
    `- ${md(t("sessions.minutes.revision", { revision: minutes.revision, time: time(minutes.publishedAt), name: minutes.publishedBy }))}`,
    ...(minutes.note ? [`- ${md(t("sessions.minutes.correction", { note: minutes.note }))}`] : []),
    "",
    `*${md(t("sessions.minutes.notAgreementNote"))}*`,
    "",
    `## ${md(t("sessions.minutes.attendees"))}`,
    "",
  ];
  if (c.attendees.length === 0) out.push(md(t("sessions.minutes.noAttendees")), "");
  for (const role of roles) {
    const names = c.attendees.filter((a) => a.role === role).map((a) => a.name);
    if (names.length > 0) out.push(`- **${md(t(`role.${role}` as MessageKey))}**: ${md(names.join(", "))}`);
  }
  out.push("", `## ${md(t("sessions.minutes.items"))}`, "");
  c.items.forEach((item, i) => {
    out.push(`### ${i + 1}. ${inHeading(item.title)}`, "", `**${md(item.outcome ? t(`sessions.outcome.${item.outcome}`) : t("sessions.outcome.none"))}**`, "");
    out.push(md(item.decision ?? t("sessions.minutes.noDecision")), "");
    if (item.actions.length === 0) out.push(`*${md(t("sessions.minutes.noActions"))}*`, "");
    for (const a of item.actions) {
      const due = a.dueDate ? ` (${t("sessions.action.due", { date: day(reviewDateMs(a.dueDate)) })})` : "";
      out.push(`- ${md(t("sessions.action.line", { assignee: a.assignee, what: a.what }) + due)}`);
    }
    if (item.actions.length > 0) out.push("");
  });
  if (c.duringSession) {
    out.push(`## ${md(t("sessions.minutes.during"))}`, "");
    if (c.duringSession.length === 0) out.push(md(t("sessions.minutes.nothingDuring")), "");
    for (const event of c.duringSession) out.push(`- ${md(describeMinutesEvent(event, t, locale, time))}`);
    if (c.duringSession.length > 0) out.push("");
  }
  return out.join("\n");
}
