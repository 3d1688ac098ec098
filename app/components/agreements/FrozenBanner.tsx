import { useState } from "react";
import { useFormatDateTime, useT } from "../../i18n";
import { postToNegotiationApi } from "../negotiationApi";

/**
 * Says the schedule is the signed agreement in force, and lets a party open an amendment round (an
 * advisor: a review round). The server then reconnects everyone, which reloads the page's rights.
 */
export function FrozenBanner({ negotiationId, frozenAt, canOpen, asReview }: { negotiationId: string; frozenAt: number; canOpen: boolean; asReview: boolean }) {
  const t = useT();
  const formatTime = useFormatDateTime();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const open = async () => {
    setBusy(true);
    const result = await postToNegotiationApi(negotiationId, "rounds");
    setBusy(false);
    setError(result.ok ? null : (result.refusal?.error ?? t("agreement.error.network")));
  };
  return (
    <div className="frozen-banner" role="note">
      <p>{t("agreement.frozen", { time: formatTime(frozenAt) })}</p>
      {canOpen && (
        <button type="button" onClick={() => void open()} disabled={busy}>
          {t(asReview ? "agreement.openReview" : "agreement.openRound")}
        </button>
      )}
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
    </div>
  );
}
