import { useState, type FormEvent } from "react";
import { useT } from "../../i18n";
import { useNegotiationMutation } from "../negotiationApi";
import { RefusalAlert } from "../RefusalAlert";

/** The parties' setting "sessions are moderated by advisors only" (party owners). */
export function ModerationSetting({ negotiationId, advisorsOnly }: { negotiationId: string; advisorsOnly: boolean }) {
  const t = useT();
  const { post, outcome, busy } = useNegotiationMutation(negotiationId);
  const [saved, setSaved] = useState(false);
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSaved(false);
    const on = new FormData(event.currentTarget).get("advisorsOnly") === "on";
    if ((await post("settings", { sessionsByAdvisorsOnly: on })).ok) setSaved(true);
  };
  return (
    <form onSubmit={(e) => void submit(e)} className="moderation-setting">
      <fieldset>
        <legend>{t("sessions.setting.legend")}</legend>
        <label>
          <input type="checkbox" name="advisorsOnly" defaultChecked={advisorsOnly} aria-describedby="advisors-only-hint" /> {t("sessions.setting.label")}
        </label>
        <p id="advisors-only-hint" className="hint">
          {t("sessions.setting.hint")}
        </p>
        <button type="submit" disabled={busy}>
          {t("sessions.setting.save")}
        </button>
        {saved && (
          <p role="status" className="form-success">
            {t("sessions.setting.saved")}
          </p>
        )}
        {outcome && !outcome.ok && <RefusalAlert refusal={outcome.refusal ?? { error: t("agreement.error.network") }} />}
      </fieldset>
    </form>
  );
}
