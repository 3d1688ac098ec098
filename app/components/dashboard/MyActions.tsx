import { Link } from "@remix-run/react";
import type { MyAction } from "../../../shared/moderatedSessions/sessions";
import { useT } from "../../i18n";
import { ActionLine } from "../sessions/ActionLine";
import { MarkDoneButton } from "../sessions/MarkDoneButton";

/** The actions sessions gave the reader (decision 032), once there is one: due dates, overdue in words, and marking one done. */
export function MyActions({ actions, today }: { actions: MyAction[]; today: string }) {
  const t = useT();
  return (
    <section aria-labelledby="my-actions" className="dashboard-actions">
      <h2 id="my-actions">{t("sessions.dashboard.title")}</h2>
      <ul className="action-list">
        {actions.map((a) => (
          <li key={a.id}>
            <ActionLine action={a} today={today} showAssignee={false} />
            <Link to={`/negotiations/${a.negotiationId}/sessions/${a.sessionId}`}>{t("sessions.dashboard.in", { title: a.negotiationTitle })}</Link>
            <MarkDoneButton negotiationId={a.negotiationId} action={a} />
          </li>
        ))}
      </ul>
    </section>
  );
}
