import { useId, type FormEvent } from "react";
import { maxActionLength, maxDecisionLength, outcomes, type MinutesRevision } from "../../../shared/moderatedSessions/sessions";
import { useT } from "../../i18n";
import type { RunCommand } from "./useSessionCommand";

/** The moderator corrects an item of published minutes: a new revision with the reason, the earlier one kept. */
export function CorrectMinutes({ minutes, run, busy }: { minutes: MinutesRevision; run: RunCommand; busy: boolean }) {
  const t = useT();
  const uid = useId();
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    void run({
      action: "correct",
      itemId: form.get("itemId"),
      outcome: form.get("outcome"),
      decision: String(form.get("decision") ?? ""),
      note: String(form.get("note") ?? ""),
    });
  };
  return (
    <details className="correct-minutes">
      <summary>{t("sessions.minutes.correct")}</summary>
      <form onSubmit={submit}>
        <div className="field">
          <label htmlFor={`${uid}-item`}>{t("sessions.minutes.correctItem")}</label>
          <select id={`${uid}-item`} name="itemId" required>
            {minutes.content.items.map((i) => (
              <option key={i.itemId} value={i.itemId}>
                {i.title}
              </option>
            ))}
          </select>
        </div>
        <fieldset>
          <legend>{t("sessions.run.outcome")}</legend>
          <div className="outcome-choices">
            {outcomes.map((o) => (
              <label key={o}>
                <input type="radio" name="outcome" value={o} required /> {t(`sessions.outcome.${o}`)}
              </label>
            ))}
          </div>
        </fieldset>
        <div className="field">
          <label htmlFor={`${uid}-decision`}>{t("sessions.run.decision")}</label>
          <textarea id={`${uid}-decision`} name="decision" rows={3} maxLength={maxDecisionLength} />
        </div>
        <div className="field">
          <label htmlFor={`${uid}-note`}>{t("sessions.minutes.correctNote")}</label>
          <input id={`${uid}-note`} name="note" required maxLength={maxActionLength} />
        </div>
        <button type="submit" disabled={busy}>
          {t("sessions.minutes.correctSubmit")}
        </button>
      </form>
    </details>
  );
}
