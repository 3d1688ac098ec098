import { useMemo } from "react";
import type { EditorView } from "prosemirror-view";
import { numberClauses } from "../../../shared/editor/numbering";
import { clauseAt } from "../../../shared/editor/commands";
import type { Policies } from "../../../shared/policy";
import type { Role } from "../../../shared/roles";
import type { ThreadView } from "../../../shared/threads";
import { relativeAnchor } from "./threadDecorations";
import { ThreadPanel, type ProposalDraft } from "./ThreadPanel";
import type { ThreadRequest } from "./useThreads";
import type { NegotiationMemberView } from "./useMembers";

interface Props {
  view: EditorView;
  threads: ThreadView[];
  send: (request: ThreadRequest) => Promise<ThreadView | null>;
  error: string | null;
  me: { id: string; role: Role };
  /** Who may be mentioned (filtered per thread by who can see it). */
  members: NegotiationMemberView[];
  policies: Pick<Policies, "comment" | "keepInternalNotes">;
  /** The clause whose threads are shown (with a composer), or null for all threads. */
  clauseId: string | null;
  onShowAll: () => void;
  onOpenClause: (clauseId: string) => void;
  /** A thread to scroll to and focus once (a deep link, "Discuss"); `onFocused` when done. */
  focusThreadId?: string | null;
  onFocused?: () => void;
  /** A proposal whose first thread is being written. */
  proposalDraft?: ProposalDraft | null;
}

/** Connects the thread panel to the editor: selection quotes and the clause the threads belong to. */
export function ThreadsSidebar(props: Props) {
  const { view, threads, send, error, me, members, policies, clauseId, onShowAll, onOpenClause, focusThreadId = null } = props;
  const state = view.state;
  const clauses = useMemo(() => numberClauses(state.doc), [state.doc]);

  // The selected text becomes the new thread's quote when it lies inside the shown clause.
  const { from, to, empty, $from } = state.selection;
  const found = clauseAt($from);
  const inSelected = !empty && found && state.doc.nodeAt(found.pos)!.attrs.id === clauseId && to <= found.pos + state.doc.nodeAt(found.pos)!.nodeSize;
  const pendingQuote = inSelected ? state.doc.textBetween(from, to, " ").slice(0, 500) : null;

  return (
    <ThreadPanel
      threads={threads}
      clauses={clauses}
      selectedClauseId={clauseId}
      onSelectClause={(id) => (id ? onOpenClause(id) : onShowAll())}
      focusThreadId={focusThreadId}
      onFocused={props.onFocused}
      proposalDraft={props.proposalDraft}
      me={me}
      members={members}
      canComment={policies.comment}
      canKeepInternal={policies.keepInternalNotes}
      pendingQuote={pendingQuote}
      send={send}
      error={error}
      startThread={({ proposalId, ...input }) =>
        proposalId
          ? send({ kind: "create", body: { proposalId, visibility: input.visibility, body: input.body } })
          : send({
              kind: "create",
              body: { ...input, anchor: inSelected ? relativeAnchor(view.state, from, to) : null, quote: pendingQuote },
            })
      }
    />
  );
}
