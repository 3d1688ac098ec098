import { useId, type FormEvent } from "react";
import { useT } from "../../i18n";
import type { RunCommand } from "./useSessionCommand";

interface Props {
  members: { userId: string; name: string; mayModerate: boolean }[];
  moderatorId: string;
  run: RunCommand;
  busy: boolean;
}

/** The moderator hands the session to another member who may run sessions: before it starts, or while it runs. */
export function HandOver({ members, moderatorId, run, busy }: Props) {
  const t = useT();
  const uid = useId();
  const candidates = members.filter((m) => m.mayModerate && m.userId !== moderatorId);
  if (candidates.length === 0) return null;
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const to = new FormData(event.currentTarget).get("to");
    if (typeof to === "string" && to) void run({ action: "handover", to });
  };
  return (
    <section aria-labelledby={`${uid}-title`} className="hand-over">
      <h2 id={`${uid}-title`}>{t("sessions.handover.title")}</h2>
      <form onSubmit={submit}>
        <p className="hint" id={`${uid}-hint`}>
          {t("sessions.handover.hint")}
        </p>
        <label htmlFor={`${uid}-to`}>{t("sessions.handover.to")}</label>{" "}
        <select id={`${uid}-to`} name="to" aria-describedby={`${uid}-hint`} required>
          {candidates.map((m) => (
            <option key={m.userId} value={m.userId}>
              {m.name}
            </option>
          ))}
        </select>{" "}
        <button type="submit" disabled={busy}>
          {t("sessions.handover.submit")}
        </button>
      </form>
    </section>
  );
}
