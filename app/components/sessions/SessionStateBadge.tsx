import type { SessionState } from "../../../shared/moderatedSessions/sessions";
import { useT } from "../../i18n";

export function SessionStateBadge({ state }: { state: SessionState }) {
  const t = useT();
  return <span className={`session-state session-state-${state}`}>{t(`sessions.state.${state}`)}</span>;
}
