import { useEffect } from "react";
import type { EditorView } from "prosemirror-view";
import type { ThreadView } from "../../../shared/threads";
import { threadsKey } from "./threadDecorations";

/** Keeps the editor's clause markers and quote highlights in step with the threads, whichever tab is open. */
export function useThreadMarkers(view: EditorView | null, threads: ThreadView[]) {
  useEffect(() => {
    if (!view) return;
    const counts: Record<string, number> = {};
    for (const th of threads) if (!th.resolved) counts[th.clauseId] = (counts[th.clauseId] ?? 0) + 1;
    const anchors = threads.filter((th) => th.anchor && !th.resolved).map((th) => ({ threadId: th.id, start: th.anchor!.start, end: th.anchor!.end }));
    // Meta only: see useAgreementDecisions for why it is not marked addToHistory: false.
    view.dispatch(view.state.tr.setMeta(threadsKey, { counts, anchors }));
  }, [threads, view]);
}
