import { useId, type FormEvent } from "react";
import { useT } from "../../i18n";
import type { RunCommand } from "./useSessionCommand";

interface Props {
  members: { userId: string; name: string; online: boolean }[];
  moderatorId: string;
  run: RunCommand;
  busy: boolean;
}

/** Ends the session and publishes the minutes, with who was present: those who have the negotiation open come ticked. */
export function EndSession({ members, moderatorId, run, busy }: Props) {
  const t = useT();
  const uid = useId();
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void run({ action: "end", present: new FormData(event.currentTarget).getAll("present").map(String) });
  };
  return (
    <section aria-labelledby={`${uid}-end`} className="end-session">
      <h2 id={`${uid}-end`}>{t("sessions.run.end")}</h2>
      <form onSubmit={submit}>
        <fieldset>
          <legend>{t("sessions.run.present")}</legend>
          <p className="hint">{t("sessions.run.presentHint")}</p>
          {members
            .filter((m) => m.userId !== moderatorId)
            .map((m) => (
              <label key={m.userId} className="present-choice">
                <input type="checkbox" name="present" value={m.userId} defaultChecked={m.online} /> {m.name}
              </label>
            ))}
        </fieldset>
        <button type="submit" className="primary" disabled={busy}>
          {t("sessions.run.end")}
        </button>
      </form>
    </section>
  );
}
