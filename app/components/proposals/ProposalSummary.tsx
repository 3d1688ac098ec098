import type { ProposalView } from "../../../shared/proposals/proposals";
import { useT } from "../../i18n";

/** What a proposal asks, in words: add, remove or move a clause, or insert or delete this text. */
export function ProposalSummary({ proposal }: { proposal: Pick<ProposalView, "kind" | "scope" | "text"> }) {
  const t = useT();
  const Text = proposal.kind === "insert" ? "ins" : "del";
  return (
    <p className="proposal-text">
      {proposal.scope === "clause" ? (
        t(proposal.kind === "move" ? "proposals.kind.moveClause" : proposal.kind === "insert" ? "proposals.kind.insertClause" : "proposals.kind.deleteClause")
      ) : (
        <>
          {t(proposal.kind === "insert" ? "proposals.kind.insert" : "proposals.kind.delete")}: <Text className="proposal-run">{proposal.text}</Text>
        </>
      )}
    </p>
  );
}
