import { useT } from "../../i18n";
import type { RunCommand } from "./useSessionCommand";

/** A moderator who dropped out cannot hand over: another member who may run sessions takes it over, and it goes on where it is. */
export function TakeOver({ moderatorName, run, busy }: { moderatorName: string; run: RunCommand; busy: boolean }) {
  const t = useT();
  return (
    <p className="take-over" role="status">
      {t("sessions.takeover.hint", { name: moderatorName })}{" "}
      <button type="button" disabled={busy} onClick={() => void run({ action: "takeover" })}>
        {t("sessions.takeover.submit")}
      </button>
    </p>
  );
}
