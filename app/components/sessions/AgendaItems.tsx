import { Link } from "@remix-run/react";
import type { AgreeableClause, SessionView } from "../../../shared/moderatedSessions/sessions";
import { AgreeFromItem } from "./AgreeFromItem";
import { useT } from "../../i18n";
import { ActionLine } from "./ActionLine";
import { MarkDoneButton } from "./MarkDoneButton";

interface Props {
  negotiationId: string;
  session: SessionView;
  today: string;
  me: string;
  /** The clauses the meeting agreed, for the reader's party to agree itself (empty for who agrees for no party). */
  agreeable: Record<string, AgreeableClause>;
  /** The moderator's "discuss now", while the session is live. */
  onGoto: ((itemId: string) => void) | null;
  busy: boolean;
}

/** The agenda as everyone reads it: the item being discussed, and per item its outcome, decision and actions. */
export function AgendaItems({ negotiationId, session, today, me, agreeable, onGoto, busy }: Props) {
  const t = useT();
  if (session.agenda.length === 0) return <p>{t("sessions.agenda.empty")}</p>;
  return (
    <ol className="agenda-items">
      {session.agenda.map((item) => {
        const current = item.id === session.currentItemId;
        const clauseLink = item.clauseId ? `/negotiations/${negotiationId}?clause=${item.clauseId}` : null;
        return (
          <li key={item.id} className={current ? "current" : undefined} aria-current={current ? "step" : undefined}>
            <div className="agenda-item-head">
              {current && <strong className="now-badge">{t("sessions.agenda.current")}</strong>}
              <span className="agenda-kind">{t(item.kind === "clause" ? "sessions.agenda.clause" : "sessions.agenda.topic")}</span>
              {clauseLink ? (
                <Link to={clauseLink} aria-label={t("sessions.agenda.openClause", { title: item.title })}>
                  {item.title}
                </Link>
              ) : (
                <span>{item.title}</span>
              )}
              {item.timeBoxMinutes !== null && <span className="hint">{t("sessions.agenda.timeBox", { minutes: item.timeBoxMinutes })}</span>}
              {onGoto && !current && (
                <button
                  type="button"
                  className="small-button"
                  disabled={busy}
                  onClick={() => onGoto(item.id)}
                  aria-label={t("sessions.agenda.goto", { title: item.title })}
                >
                  {t("sessions.agenda.current")}
                </button>
              )}
            </div>
            {item.outcome && (
              <div className="agenda-outcome">
                <strong className={`outcome outcome-${item.outcome}`}>{t(`sessions.outcome.${item.outcome}`)}</strong>
                {item.decision && <p>{item.decision}</p>}
                {item.outcome === "agreed" && item.clauseId && agreeable[item.clauseId] && (
                  <AgreeFromItem negotiationId={negotiationId} clauseId={item.clauseId} title={item.title} clause={agreeable[item.clauseId]!} />
                )}
              </div>
            )}
            {item.actions.length > 0 && (
              <ul className="action-list">
                {item.actions.map((a) => (
                  <li key={a.id}>
                    <ActionLine action={a} today={today} />
                    {(a.assigneeId === me || session.moderatorId === me) && <MarkDoneButton negotiationId={negotiationId} action={a} />}
                  </li>
                ))}
              </ul>
            )}
          </li>
        );
      })}
    </ol>
  );
}
