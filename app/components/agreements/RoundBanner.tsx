import { Link } from "@remix-run/react";
import type { OpenRoundView } from "../../../shared/agreements/snapshot";
import { useFormatDateTime, useT } from "../../i18n";

/**
 * Says, while a round is open, that the text being edited is a proposal: since when the round is
 * open and which signed version binds the parties until both sign the new text.
 */
export function RoundBanner({ negotiationId, round, openRound }: { negotiationId: string; round: number; openRound: OpenRoundView }) {
  const t = useT();
  const formatTime = useFormatDateTime();
  const params = { round, time: formatTime(openRound.openedAt), version: t("versions.label", openRound.inForce) };
  return (
    <div className="round-banner" role="note">
      <p>
        <strong>{t(openRound.kind === "review" ? "editor.round.reviewOpen" : "editor.round.amendmentOpen", params)}</strong> {t("editor.round.inForce", params)}{" "}
        <Link to={`/negotiations/${negotiationId}/agreement`}>{t("editor.round.whatChanged")}</Link>
      </p>
    </div>
  );
}
