import { Link } from "@remix-run/react";
import type { OutlinedProposal } from "../../../shared/proposals/proposals";
import { useFormatDateTime, useT } from "../../i18n";
import { ProposalSummary } from "./ProposalSummary";

/**
 * The open proposals a page that reads the text without them leaves out (the redline, a
 * comparison with the current draft), each with a link to it in the negotiation, where it is decided.
 */
export function OpenProposalsOutline({ negotiationId, proposals }: { negotiationId: string; proposals: OutlinedProposal[] }) {
  const t = useT();
  const formatTime = useFormatDateTime();
  if (proposals.length === 0) return null;
  return (
    <section className="open-proposals-outline" aria-labelledby="open-proposals-outline">
      <h2 id="open-proposals-outline">{t("proposals.outline.title", { count: proposals.length })}</h2>
      <p className="hint">{t("proposals.outline.intro")}</p>
      <ul>
        {proposals.map((p) => (
          <li key={p.id} className={`proposal proposal-by-${p.author.party}`}>
            <p className="proposal-clause">
              {p.clause
                ? `${t("threads.clause", { number: p.clause.number })} ${p.clause.heading}`
                : t(p.scope === "section" ? "proposals.where.newSection" : p.clauseId === null ? "proposals.outline.heading" : "threads.clauseRemoved")}
            </p>
            <ProposalSummary proposal={p} />
            <p className="proposal-meta">
              <strong>{p.author.name}</strong> <span className={`role-badge role-${p.author.party}`}>{t(`role.${p.author.party}`)}</span> ·{" "}
              <time dateTime={new Date(p.createdAt).toISOString()}>{formatTime(p.createdAt)}</time> ·{" "}
              <Link to={`/negotiations/${negotiationId}?proposal=${encodeURIComponent(p.id)}`}>{t("proposals.outline.open")}</Link>
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
