import { useId, type FormEvent } from "react";
import { attendedLabel } from "../../../shared/moderatedSessions/minutesAttendees";
import { useT } from "../../i18n";
import type { RunCommand } from "./useSessionCommand";

interface Props {
  members: { userId: string; name: string }[];
  /** How long each member has attended so far (decision 036); those the server saw attend are in the minutes anyway. */
  attendedMs: Record<string, number>;
  moderatorId: string;
  run: RunCommand;
  busy: boolean;
}

/** Ends the session and publishes the minutes: who was connected, for how long, and whom the moderator saw present without a connection. */
export function EndSession({ members, attendedMs, moderatorId, run, busy }: Props) {
  const t = useT();
  const uid = useId();
  const others = members.filter((m) => m.userId !== moderatorId);
  const connected = others.filter((m) => (attendedMs[m.userId] ?? 0) > 0);
  const notConnected = others.filter((m) => !((attendedMs[m.userId] ?? 0) > 0));
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void run({ action: "end", present: new FormData(event.currentTarget).getAll("present").map(String) });
  };
  return (
    <section aria-labelledby={`${uid}-end`} className="end-session">
      <h2 id={`${uid}-end`}>{t("sessions.run.end")}</h2>
      <form onSubmit={submit}>
        <h3 id={`${uid}-connected`}>{t("sessions.run.connected")}</h3>
        {connected.length === 0 ? (
          <p>{t("sessions.run.connectedNone")}</p>
        ) : (
          <ul aria-labelledby={`${uid}-connected`} className="connected-attendees">
            {connected.map((m) => (
              <li key={m.userId}>{t("sessions.attendance.line", { name: m.name, duration: attendedLabel(attendedMs[m.userId] ?? 0, t) })}</li>
            ))}
          </ul>
        )}
        {notConnected.length > 0 && (
          <fieldset>
            <legend>{t("sessions.run.alsoPresent")}</legend>
            <p className="hint">{t("sessions.run.presentHint")}</p>
            {notConnected.map((m) => (
              <label key={m.userId} className="present-choice">
                <input type="checkbox" name="present" value={m.userId} /> {m.name}
              </label>
            ))}
          </fieldset>
        )}
        <button type="submit" className="primary" disabled={busy}>
          {t("sessions.run.end")}
        </button>
      </form>
    </section>
  );
}
