import { useId, useState } from "react";
import type { ChangesMode } from "../../../shared/proposals/changesMode";
import { useT } from "../../i18n";
import { postToNegotiationApi, type ApiOutcome } from "../negotiationApi";
import { RefusalAlert } from "../RefusalAlert";

interface Props {
  negotiationId: string;
  mode: ChangesMode;
  /** Party owners choose the way of working; everyone sees it. */
  canSwitch: boolean;
  onSwitched: (mode: ChangesMode) => void;
}

/** The negotiation's way of working in its header, and for party owners the button that switches it. */
export function ChangesModeControl({ negotiationId, mode, canSwitch, onSwitched }: Props) {
  const t = useT();
  const explainId = useId();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<ApiOutcome<unknown> | null>(null);
  const other: ChangesMode = mode === "together" ? "proposals" : "together";
  const switchTo = async () => {
    setBusy(true);
    const result = await postToNegotiationApi(negotiationId, "settings", { changes: other });
    setBusy(false);
    setOutcome(result);
    if (result.ok) onSwitched(other);
  };
  return (
    <div className="changes-mode" data-mode={mode}>
      <p>
        {t("changes.label")}: <strong>{t(mode === "together" ? "changes.together" : "changes.proposals")}</strong>
        <span id={explainId} className="hint">
          {" "}
          — {t(mode === "together" ? "changes.explain.together" : "changes.explain.proposals")}
        </span>
      </p>
      {canSwitch && (
        <button type="button" disabled={busy} aria-describedby={explainId} onClick={() => void switchTo()}>
          {t(other === "proposals" ? "changes.switchToProposals" : "changes.switchToTogether")}
        </button>
      )}
      {outcome &&
        !outcome.ok &&
        (outcome.refusal ? (
          <RefusalAlert refusal={outcome.refusal} />
        ) : (
          <p className="form-error" role="alert">
            {t("changes.unreachable")}
          </p>
        ))}
    </div>
  );
}
