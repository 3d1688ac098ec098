import { useState } from "react";
import type { ProposalView } from "../../../shared/proposals/proposals";
import { useT } from "../../i18n";
import { ConfirmButton } from "../ConfirmButton";
import { postToNegotiationApi, type ApiOutcome } from "../negotiationApi";

type BulkAction = "accept" | "reject";

interface Props {
  negotiationId: string;
  /** The open proposals in the list that this reader may decide. */
  decidable: ProposalView[];
  /** One clause's proposals (the Clause tab), or the whole list, offered per author (the Proposals tab). */
  clause: { id: string; number: string } | null;
  /** The server's answer: the proposals it decided, or why it did not. */
  onDone: (action: BulkAction, outcome: ApiOutcome<ProposalView[]>) => void;
}

/**
 * Accept or reject many proposals at once, with a confirmation that says how many: all in a
 * clause, or all by one author of the other party. Offered only where there is more than one to
 * decide; the server decides each as if one by one (and only those this reader may).
 */
export function BulkDecisions({ negotiationId, decidable, clause, onDone }: Props) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const run = async (action: BulkAction, scope: { clauseId: string } | { authorId: string }) => {
    setBusy(true);
    const outcome = await postToNegotiationApi<ProposalView[]>(negotiationId, "proposals", { action, ...scope });
    setBusy(false);
    onDone(action, outcome);
  };
  const groups = clause
    ? decidable.length > 1
      ? [{ key: clause.id, scope: { clauseId: clause.id }, count: decidable.length, name: null }]
      : []
    : byAuthor(decidable).map(({ author, count }) => ({ key: author.id, scope: { authorId: author.id }, count, name: author.importedBy ?? author.name }));
  if (groups.length === 0) return null;
  return (
    <div className="proposal-bulk" role="group" aria-label={t("proposals.bulk.label")}>
      {groups.map(({ key, scope, count, name }) => (
        <div key={key} className="proposal-bulk-row">
          {(["accept", "reject"] as const).map((action) => (
            <ConfirmButton
              key={action}
              busy={busy}
              label={name === null ? t(`proposals.bulk.${action}.clause`) : t(`proposals.bulk.${action}.author`, { name })}
              title={
                name === null
                  ? t(`proposals.bulk.${action}.clauseTitle`, { count, number: clause!.number })
                  : t(`proposals.bulk.${action}.authorTitle`, { count, name })
              }
              text={t(`proposals.bulk.${action}.text`)}
              confirm={t(`proposals.bulk.${action}.confirm`)}
              cancel={t("proposals.bulk.cancel")}
              onConfirm={() => void run(action, scope)}
            />
          ))}
        </div>
      ))}
    </div>
  );
}

/** Authors with more than one proposal to decide, in the order of their first one. */
/** By member: the tracked changes a member imported from Word are theirs to answer for (decision 029). */
function byAuthor(proposals: ProposalView[]): { author: ProposalView["author"]; count: number }[] {
  const authors = new Map<string, { author: ProposalView["author"]; count: number }>();
  for (const p of proposals) {
    const entry = authors.get(p.author.id) ?? { author: p.author, count: 0 };
    entry.count += 1;
    authors.set(p.author.id, entry);
  }
  return [...authors.values()].filter((a) => a.count > 1);
}
