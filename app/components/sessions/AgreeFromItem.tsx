import { Link } from "@remix-run/react";
import type { AgreeableClause } from "../../../shared/moderatedSessions/sessions";
import { useT } from "../../i18n";
import { useNegotiationMutation } from "../negotiationApi";

/**
 * The party's own agreement to a clause the meeting agreed (decision 032): the text as it stands,
 * and one click that agrees exactly that text, refused should it have changed meanwhile.
 */
export function AgreeFromItem({ negotiationId, clauseId, title, clause }: { negotiationId: string; clauseId: string; title: string; clause: AgreeableClause }) {
  const t = useT();
  const { post, outcome, busy } = useNegotiationMutation(negotiationId);
  if (clause.agreed) return <p className="hint">{t("sessions.agenda.partyAgreed")}</p>;
  return (
    <div className="agree-from-item">
      <details>
        <summary>{t("sessions.agenda.readClause", { title })}</summary>
        <p className="agree-from-item-text">{clause.text}</p>
      </details>
      <button
        type="button"
        className="primary"
        disabled={busy}
        onClick={() => void post("agreements", { clauseId, decision: "agreed", seenHash: clause.hash })}
      >
        {t("sessions.agenda.agreeButton", { title })}
      </button>{" "}
      <Link to={`/negotiations/${negotiationId}?clause=${clauseId}`}>{t("sessions.agenda.agreeYourself", { title })}</Link>
      {outcome && !outcome.ok && (
        <p className="form-error" role="alert">
          {outcome.refusal?.error ?? t("agreement.error.network")}
        </p>
      )}
    </div>
  );
}
