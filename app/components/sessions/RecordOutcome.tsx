import { useId, useState, type FormEvent } from "react";
import { maxActionLength, maxDecisionLength, outcomes, type AgendaItemView } from "../../../shared/moderatedSessions/sessions";
import { newId } from "../../../shared/ids";
import { useT } from "../../i18n";
import type { RunCommand } from "./useSessionCommand";

interface Props {
  item: AgendaItemView;
  members: { userId: string; name: string }[];
  run: RunCommand;
  busy: boolean;
}

/** The moderator records the current item: its outcome, the decision in words, and new actions (who, what, by when). */
export function RecordOutcome({ item, members, run, busy }: Props) {
  const t = useT();
  const uid = useId();
  const [actions, setActions] = useState<string[]>([]);
  const [recorded, setRecorded] = useState(false);
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const ok = await run({
      action: "record",
      itemId: item.id,
      outcome: form.get("outcome"),
      decision: String(form.get("decision") ?? ""),
      actions: actions.map((key) => ({
        assigneeId: form.get(`assignee-${key}`),
        what: String(form.get(`what-${key}`) ?? ""),
        dueDate: form.get(`due-${key}`) || null,
      })),
    });
    if (ok) {
      setActions([]);
      setRecorded(true);
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} className="record-outcome" onChange={() => setRecorded(false)}>
      <fieldset>
        <legend>{t("sessions.run.outcome")}</legend>
        <div className="outcome-choices">
          {outcomes.map((o) => (
            <label key={o}>
              <input type="radio" name="outcome" value={o} required defaultChecked={item.outcome === o} /> {t(`sessions.outcome.${o}`)}
            </label>
          ))}
        </div>
        <p className="hint">{t("sessions.run.notAgreement")}</p>
      </fieldset>
      <div className="field">
        <label htmlFor={`${uid}-decision`}>{t("sessions.run.decision")}</label>
        <textarea
          id={`${uid}-decision`}
          name="decision"
          rows={3}
          maxLength={maxDecisionLength}
          defaultValue={item.decision ?? ""}
          aria-describedby={`${uid}-decision-hint`}
        />
        <p id={`${uid}-decision-hint`} className="hint">
          {t("sessions.run.decisionHint")}
        </p>
      </div>
      <fieldset>
        <legend>{t("sessions.run.actions")}</legend>
        {actions.map((key, index) => {
          const number = index + 1;
          return (
            <div key={key} className="action-row">
              <label>
                {t("sessions.run.assignee", { number })}
                <select name={`assignee-${key}`} required defaultValue="">
                  <option value="" disabled>
                    {t("sessions.run.chooseAssignee")}
                  </option>
                  {members.map((m) => (
                    <option key={m.userId} value={m.userId}>
                      {m.name}
                    </option>
                  ))}
                </select>
              </label>
              <label>
                {t("sessions.run.what", { number })}
                <input name={`what-${key}`} required maxLength={maxActionLength} />
              </label>
              <label>
                {t("sessions.run.due", { number })}
                <input name={`due-${key}`} type="date" />
              </label>
              <button type="button" className="small-button" onClick={() => setActions(actions.filter((k) => k !== key))}>
                {t("sessions.run.removeAction", { number })}
              </button>
            </div>
          );
        })}
        <button type="button" onClick={() => setActions([...actions, newId()])}>
          {t("sessions.run.addAction")}
        </button>
      </fieldset>
      <p>
        <button type="submit" className="primary" disabled={busy}>
          {t("sessions.run.record")}
        </button>{" "}
        <span role="status">{recorded ? t("sessions.run.recorded") : ""}</span>
      </p>
    </form>
  );
}
