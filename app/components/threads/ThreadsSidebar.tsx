import { useEffect, useMemo } from "react";
import type { EditorView } from "prosemirror-view";
import { TextSelection } from "prosemirror-state";
import { numberClauses } from "../../../shared/editor/numbering";
import { clauseAt } from "../../../shared/editor/commands";
import type { Policies } from "../../../shared/policy";
import type { Role } from "../../../shared/roles";
import type { CollaborationSession } from "../editor/collaborationSession";
import { relativeAnchor, threadsKey } from "./threadDecorations";
import { ThreadPanel } from "./ThreadPanel";
import { useThreads } from "./useThreads";
import { useMembers } from "./useMembers";

interface Props {
  negotiationId: string;
  session: CollaborationSession;
  view: EditorView;
  me: { id: string; role: Role };
  policies: Pick<Policies, "comment" | "keepInternalNotes">;
  selectedClauseId: string | null;
  onSelectClause: (clauseId: string | null) => void;
}

/** Connects the thread panel to the editor: markers, quote highlights, selection quotes and scrolling. */
export function ThreadsSidebar({ negotiationId, session, view, me, policies, selectedClauseId, onSelectClause }: Props) {
  const { threads, send, error } = useThreads(negotiationId, session);
  const members = useMembers(negotiationId);
  const state = view.state;
  const clauses = useMemo(() => numberClauses(state.doc), [state.doc]);

  useEffect(() => {
    const counts: Record<string, number> = {};
    for (const th of threads) if (!th.resolved) counts[th.clauseId] = (counts[th.clauseId] ?? 0) + 1;
    const anchors = threads.filter((th) => th.anchor && !th.resolved).map((th) => ({ threadId: th.id, start: th.anchor!.start, end: th.anchor!.end }));
    view.dispatch(view.state.tr.setMeta(threadsKey, { counts, anchors }).setMeta("addToHistory", false));
  }, [threads, view]);

  // The selected text becomes the new thread's quote when it lies inside the selected clause.
  const { from, to, empty, $from } = state.selection;
  const found = clauseAt($from);
  const inSelected = !empty && found && state.doc.nodeAt(found.pos)!.attrs.id === selectedClauseId && to <= found.pos + state.doc.nodeAt(found.pos)!.nodeSize;
  const pendingQuote = inSelected ? state.doc.textBetween(from, to, " ").slice(0, 500) : null;

  const selectClause = (clauseId: string | null) => {
    onSelectClause(clauseId);
    if (!clauseId) return;
    state.doc.descendants((node, pos) => {
      if (node.type.name === "clause" && node.attrs.id === clauseId) {
        (view.nodeDOM(pos) as HTMLElement | null)?.scrollIntoView({ block: "center" });
        view.dispatch(view.state.tr.setSelection(TextSelection.near(view.state.doc.resolve(pos + 2))));
      }
      return node.type.name === "section" || node.type.name === "doc";
    });
  };

  return (
    <ThreadPanel
      threads={threads}
      clauses={clauses}
      selectedClauseId={selectedClauseId}
      onSelectClause={selectClause}
      me={me}
      members={members}
      canComment={policies.comment}
      canKeepInternal={policies.keepInternalNotes}
      pendingQuote={pendingQuote}
      send={send}
      error={error}
      startThread={(input) =>
        send({
          kind: "create",
          body: { ...input, anchor: inSelected ? relativeAnchor(view.state, from, to) : null, quote: pendingQuote },
        })
      }
    />
  );
}
