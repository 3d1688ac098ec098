import { useId, useState } from "react";
import { Link } from "@remix-run/react";
import type { ClauseState, PartyDecision } from "../../../shared/agreements/clauseStatus";
import type { AgreementSnapshot } from "../../../shared/agreements/snapshot";
import { labelList } from "../../../shared/editor/placeholders";
import { parties, type Party } from "../../../shared/roles";
import { useFormatDateTime, useT, type MessageKey } from "../../i18n";
import { postToNegotiationApi } from "../negotiationApi";

interface Props {
  negotiationId: string;
  /** The clause holding the cursor, or the schedule's structure when it is in a section heading. */
  clause: { id: string; hash: string; state: ClauseState; structure: boolean } | null;
  /** Labels of the clause's placeholders still to fill in: until then it cannot be agreed. */
  unfilled: string[];
  /** An agreement has been in force: the page can say what changed since. */
  inForce: boolean;
  /** The reader's party when they may agree now (a party member, agreement not frozen). */
  agreeingParty: Party | null;
  onSnapshot: (snapshot: AgreementSnapshot) => void;
}

/**
 * Where a party agrees to the clause holding the cursor (or, from a section heading, to the
 * schedule's structure), or asks for a change with a reason.
 */
export function ClauseAgreement({ negotiationId, clause, unfilled, inForce, agreeingParty, onSnapshot }: Props) {
  const t = useT();
  const formatTime = useFormatDateTime();
  const id = useId();
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const decide = async (decision: "agreed" | "needs_change") => {
    if (!clause) return;
    setBusy(true);
    const result = await postToNegotiationApi<AgreementSnapshot>(negotiationId, "agreements", {
      clauseId: clause.id,
      decision,
      seenHash: clause.hash,
      ...(decision === "needs_change" ? { reason } : {}),
    });
    setBusy(false);
    if (!result.ok) return setError(result.refusal?.error ?? t("agreement.error.network"));
    setError(null);
    if (decision === "needs_change") setReason("");
    onSnapshot(result.data);
  };

  const partyLine = (party: Party, d: PartyDecision | null) => {
    const params = { party: t(`role.${party}`), name: d?.userName ?? "", time: d ? formatTime(d.at) : "" };
    if (!d) return t("agreement.party.none", params);
    if (d.decision === "needs_change" && d.hash !== clause!.hash) return t("agreement.party.changed", params);
    if (d.decision === "needs_change")
      return d.reason ? t("agreement.party.needsChangeReason", { ...params, reason: d.reason }) : t("agreement.party.needsChange", params);
    return t(d.hash === clause!.hash ? "agreement.party.agreed" : "agreement.party.changed", params);
  };

  const ownAgreed = !!clause && !!agreeingParty && clause.state[agreeingParty]?.decision === "agreed" && clause.state[agreeingParty]?.hash === clause.hash;
  const structure = !!clause?.structure;
  return (
    <section className="clause-agreement" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t(structure ? "agreement.structure.title" : "agreement.clause.title")}</h2>
      {!clause && <p className="hint">{t("agreement.clause.placeCursor")}</p>}
      {structure && <p className="hint">{t("agreement.structure.explain")}</p>}
      {structure && inForce && (
        <p>
          <Link to={`/negotiations/${negotiationId}/agreement`}>{t("agreement.structure.seeChanges")}</Link>
        </p>
      )}
      {clause && (
        <>
          <p>
            <span className={`agreement-badge status-${clause.state.status}`}>{t(`agreement.status.${clause.state.status}` as MessageKey)}</span>
          </p>
          <ul className="party-decisions">
            {parties.map((party) => (
              <li key={party}>{partyLine(party, clause.state[party])}</li>
            ))}
          </ul>
          {agreeingParty && (
            <div className="agreement-actions">
              <button
                type="button"
                onClick={() => void decide("agreed")}
                disabled={busy || ownAgreed || unfilled.length > 0}
                aria-describedby={unfilled.length > 0 ? `${id}-blocked` : undefined}
              >
                {t(structure ? "agreement.structure.agree" : "agreement.agree")}
              </button>
              {unfilled.length > 0 && (
                <p id={`${id}-blocked`} className="hint">
                  {t("agreement.blockedByPlaceholders", { labels: labelList(unfilled) })}
                </p>
              )}
              {ownAgreed && <p className="hint">{t(structure ? "agreement.structure.agreed" : "agreement.agreed")}</p>}
              <details>
                <summary>{t("agreement.needsChange")}</summary>
                <label htmlFor={`${id}-reason`}>{t(structure ? "agreement.structure.reason" : "agreement.reason")}</label>
                <textarea id={`${id}-reason`} value={reason} onChange={(e) => setReason(e.target.value)} rows={3} maxLength={10_000} />
                <button type="button" onClick={() => void decide("needs_change")} disabled={busy || reason.trim() === ""}>
                  {t("agreement.sendNeedsChange")}
                </button>
              </details>
            </div>
          )}
          {error && (
            <p role="alert" className="form-error">
              {error}
            </p>
          )}
        </>
      )}
    </section>
  );
}
