import { Link } from "@remix-run/react";
import type { AgreementSnapshot } from "../../../shared/agreements/snapshot";
import type { Policies } from "../../../shared/policy";
import { partyOf, type Role } from "../../../shared/roles";
import { useFormatDateTime, useT } from "../../i18n";
import { ExportLinks } from "../agreements/ExportLinks";
import { ChangesModeControl } from "../proposals/ChangesModeControl";
import type { ChangesMode } from "../../../shared/proposals/changesMode";

interface Props {
  negotiation: { id: string; title: string; buyerOrg: string; supplierOrg: string };
  me: { role: Role };
  policies: Policies;
  agreement: AgreementSnapshot;
  members: { online: boolean }[];
  changes: { mode: ChangesMode; canSwitch: boolean; onSwitched: (mode: ChangesMode) => void };
  /** The next moderated session not yet ended (decision 032), if any. */
  nextSession: { id: string; plannedAt: number; state: string } | null;
}

/**
 * What a member needs above the document: which negotiation, its state, and the primary actions
 * (invite, sign off, versions, export) one click away instead of under the schedule.
 */
export function NegotiationHeader({ negotiation, me, policies, agreement, members, changes, nextSession }: Props) {
  const t = useT();
  const formatTime = useFormatDateTime();
  const base = `/negotiations/${negotiation.id}`;
  const party = partyOf(me.role);
  const org = (p: "buyer" | "supplier") => (p === "buyer" ? negotiation.buyerOrg : negotiation.supplierOrg);
  const signedBy = agreement.frozenAt ? [] : agreement.signoffs.map((s) => org(s.party));
  const status = agreement.frozenAt
    ? t("negotiation.status.inForce", { time: formatTime(agreement.frozenAt) })
    : agreement.round > 0
      ? t("negotiation.status.round", { round: agreement.round })
      : t("negotiation.status.draft");
  const online = members.filter((m) => m.online).length;
  return (
    <header className="negotiation-header">
      <div className="negotiation-title">
        <h1>{negotiation.title}</h1>
        <p>
          {t("negotiation.parties", { buyer: negotiation.buyerOrg, supplier: negotiation.supplierOrg })} ·{" "}
          <span className={`role-badge role-${me.role}`}>{t("negotiation.yourRole", { role: t(`role.${me.role}`) })}</span>
        </p>
        <p className="negotiation-state">
          <strong>{status}</strong>
          {signedBy.length > 0 && <> · {t("negotiation.status.signedBy", { orgs: signedBy.join(", ") })}</>}
          {nextSession && (
            <>
              {" "}
              ·{" "}
              <Link to={`${base}/sessions/${nextSession.id}`} className="next-session">
                {nextSession.state === "live" ? t("sessions.nextLive") : t("sessions.next", { date: formatTime(nextSession.plannedAt) })}
              </Link>
            </>
          )}
        </p>
        <ChangesModeControl negotiationId={negotiation.id} {...changes} />
      </div>
      <nav className="negotiation-actions" aria-label={t("negotiation.actions")}>
        <Link to={`${base}/members`}>
          {t(policies.manageMembers ? "negotiation.manageMembers" : "negotiation.members")}{" "}
          <span className="hint">{t("negotiation.action.membersCount", { count: members.length, online })}</span>
        </Link>
        {policies.signOff && party && (
          <Link to={`${base}/agreement#signoff-heading`} className="button-link primary">
            {t("negotiation.action.signOff")}
          </Link>
        )}
        <Link to={`${base}/agreement`}>{t("agreement.page")}</Link>
        <Link to={`${base}/sessions`}>{t("sessions.link")}</Link>
        <Link to={`${base}/agreement#versions-heading`}>{t("negotiation.action.versions")}</Link>
        {policies.export && (
          <details className="menu">
            <summary>{t("negotiation.action.export")}</summary>
            <div className="menu-body">
              <ExportLinks href={`${base}/versions/current/export`} label={t("versions.current")} threads={false} />
            </div>
          </details>
        )}
      </nav>
    </header>
  );
}
