import { useId } from "react";
import type { EditorView } from "prosemirror-view";
import { useFormatDateTime, useT } from "../../i18n";
import type { ProposalView } from "../../../shared/proposals/proposals";
import type { MovedFromPlace } from "../../../shared/editor/movedFrom";
import { proposalAtCursor, proposalMarksState } from "./proposalDecorations";

const blocks = { paragraph: "insertBlock", listItem: "insertListItem", table: "insertTable" } as const;

/** "Insertion proposed by Sam (Supplier), 2 Dec 2026, 10:04": the tooltip and the cursor's hint. */
export function describeProposal(t: ReturnType<typeof useT>, formatTime: (ms: number) => string, record: ProposalView): string {
  const adds = record.kind === "insert";
  const whole = {
    text: adds ? "insert" : "delete",
    clause: adds ? "insertClause" : "deleteClause",
    block: blocks[record.block ?? "paragraph"],
    section: "insertSection",
  } as const;
  const key = record.kind === "format" ? "format" : record.kind === "move" ? "moveClause" : whole[record.scope];
  return t(`proposals.tooltip.${key}`, {
    name: record.author.name,
    party: t(`role.${record.author.party}`),
    time: formatTime(record.createdAt),
  });
}

/** "Proposed moved from after 1.2 by Sam (Nimbus Cloud)": the label on a clause proposed moved (decision 031). */
export function describeMove(t: ReturnType<typeof useT>, place: MovedFromPlace, record: ProposalView | undefined): string {
  const name = record?.author.name ?? t("proposals.movedFrom.unknown");
  if (!place) return t("proposals.movedFrom.gone", { name });
  return "after" in place ? t("proposals.movedFrom.after", { clause: place.after, name }) : t("proposals.movedFrom.startOf", { section: place.startOf, name });
}

/**
 * Who proposed the text at the cursor, and when, next to it: the keyboard's (and screen reader's)
 * counterpart of the tooltip the pointer gets, announced politely.
 */
export function ProposalHint({ view }: { view: EditorView }) {
  const t = useT();
  const formatTime = useFormatDateTime();
  const id = useId();
  const proposalId = view.hasFocus() ? proposalAtCursor(view.state) : null;
  const record = proposalId ? proposalMarksState(view.state).records.get(proposalId) : undefined;
  const coords = record ? view.coordsAtPos(view.state.selection.from) : null;
  return (
    <div
      id={id}
      role="tooltip"
      aria-live="polite"
      className="glossary-hint proposal-hint"
      hidden={!record}
      style={coords ? { left: coords.left, top: coords.bottom + 4 } : undefined}
    >
      {record && describeProposal(t, formatTime, record)}
    </div>
  );
}
