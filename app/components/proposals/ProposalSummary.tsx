import type { FormattingChangeView, ProposalView } from "../../../shared/proposals/proposals";
import { useT } from "../../i18n";

/** "bold on, link off": what a formatting proposal changes. */
export function describeFormatting(t: ReturnType<typeof useT>, change: FormattingChangeView | undefined): string {
  if (!change) return "";
  return [
    ...change.on.map((name) => t("proposals.format.on", { format: t(`proposals.format.${name}`) })),
    ...change.off.map((name) => t("proposals.format.off", { format: t(`proposals.format.${name}`) })),
  ].join(", ");
}

const blockLabel = { paragraph: "proposals.kind.insertBlock", listItem: "proposals.kind.insertListItem", table: "proposals.kind.insertTable" } as const;

/** What a proposal asks, in words: add, remove or move a clause, insert or delete this text, or format it. */
export function ProposalSummary({ proposal }: { proposal: Pick<ProposalView, "kind" | "scope" | "text" | "formatting" | "block"> }) {
  const t = useT();
  const Text = proposal.kind === "insert" ? "ins" : proposal.kind === "delete" ? "del" : "span";
  return (
    <p className="proposal-text">
      {proposal.kind === "format" ? (
        <>
          {t("proposals.kind.format", { change: describeFormatting(t, proposal.formatting) })}:{" "}
          <Text className="proposal-run proposal-fmt-run">{proposal.text}</Text>
        </>
      ) : proposal.scope === "section" ? (
        <>
          {t("proposals.kind.insertSection")}: <ins className="proposal-run">{proposal.text}</ins>
        </>
      ) : proposal.scope === "block" ? (
        <>
          {t(blockLabel[proposal.block ?? "paragraph"])}: <ins className="proposal-run">{proposal.text}</ins>
        </>
      ) : proposal.scope === "clause" ? (
        t(proposal.kind === "move" ? "proposals.kind.moveClause" : proposal.kind === "insert" ? "proposals.kind.insertClause" : "proposals.kind.deleteClause")
      ) : (
        <>
          {t(proposal.kind === "insert" ? "proposals.kind.insert" : "proposals.kind.delete")}: <Text className="proposal-run">{proposal.text}</Text>
        </>
      )}
    </p>
  );
}
