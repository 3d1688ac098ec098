import { useT, type MessageKey, type Translate } from "../../i18n";
import type { ConnectionState } from "./connectionState";
import { useSettledText } from "./useSettledText";

/** Typing changes the count several times a second; a screen reader hears it after a pause (or every 5 s while it goes on). */
const announceAfterMs = 1000;
const announceAtLeastEveryMs = 5000;

type Tone = "ok" | "busy" | "offline" | "error";

export function ConnectionStatus({ state }: { state: ConnectionState }) {
  const t = useT();
  const { text, tone } = describe(state, t);
  const announced = useSettledText(text, announceAfterMs, announceAtLeastEveryMs);
  // The visible line follows every change; the live region (the same words, for screen readers) only where it settles.
  return (
    <>
      <p className={`connection-status connection-${tone}`} aria-hidden="true" data-state={state.kind}>
        <span className="connection-dot" />
        {text}
      </p>
      <p className="visually-hidden" role="status">
        {announced}
      </p>
    </>
  );
}

function describe(state: ConnectionState, t: Translate): { text: string; tone: Tone } {
  switch (state.kind) {
    case "closed": {
      const known = [4400, 4401, 4403].includes(state.code) ? state.code : 4400;
      return { text: t(`connection.closed.${known}` as MessageKey), tone: "error" };
    }
    case "offline":
      return { text: t("connection.offline", { count: state.unsent }), tone: "offline" };
    case "reconnecting":
      return { text: t("connection.reconnecting", { count: state.unsent }), tone: state.unsent > 0 ? "offline" : "busy" };
    case "connecting":
      return { text: t("connection.connecting"), tone: "busy" };
    case "saving":
      return { text: t("connection.saving", { count: state.unsent }), tone: "busy" };
    case "saved":
      return { text: t("connection.saved"), tone: "ok" };
  }
}
