import { isOverdue, type ActionView } from "../../../shared/moderatedSessions/sessions";
import { reviewDateMs } from "../../../shared/agreements/calendarDate";
import { useFormatCalendarDate, useT } from "../../i18n";

/** "Sam: send the wording, due 1 December 2026", overdue or done shown in words, not colour alone. */
export function ActionLine({ action, today, showAssignee = true }: { action: ActionView; today: string; showAssignee?: boolean }) {
  const t = useT();
  const formatDay = useFormatCalendarDate();
  const overdue = isOverdue(action, today);
  return (
    <span className={`action-line${overdue ? " overdue" : ""}${action.doneAt ? " done" : ""}`}>
      {showAssignee ? t("sessions.action.line", { assignee: action.assigneeName, what: action.what }) : action.what}
      {action.dueDate && <> · {t("sessions.action.due", { date: formatDay(reviewDateMs(action.dueDate)) })}</>}
      {overdue && <strong className="overdue-badge">{t("sessions.action.overdue")}</strong>}
      {action.doneAt && (
        <span className="done-badge">{action.doneByName ? t("sessions.action.doneBy", { name: action.doneByName }) : t("sessions.action.done")}</span>
      )}
    </span>
  );
}
