import { useT, type MessageKey } from "../../i18n";
import type { ConnectionState } from "./collaborationSession";

export function ConnectionStatus({ state }: { state: ConnectionState }) {
  const t = useT();
  let text: string;
  let tone: "ok" | "busy" | "offline" | "error";
  if (state.kind === "closed") {
    const known = [4400, 4401, 4403].includes(state.code) ? state.code : 4400;
    text = t(`connection.closed.${known}` as MessageKey);
    tone = "error";
  } else if (state.kind === "connected") {
    text = state.synced ? t("connection.connected") : t("connection.syncing", { count: state.unsynced });
    tone = state.synced ? "ok" : "busy";
  } else if (state.unsynced > 0) {
    text = t("connection.offline", { count: state.unsynced });
    tone = "offline";
  } else if (!state.everConnected) {
    text = t("connection.connecting");
    tone = "busy";
  } else {
    text = t("connection.reconnecting");
    tone = "busy";
  }
  return (
    <p className={`connection-status connection-${tone}`} role="status" data-state={state.kind}>
      <span className="connection-dot" aria-hidden="true" />
      {text}
    </p>
  );
}
