import { useCallback, useEffect, useRef, useState } from "react";
import type { EditorView } from "prosemirror-view";
import type { ProposalView } from "../../../shared/proposals/proposals";
import type { CollaborationSession } from "../editor/collaborationSession";
import { proposalMarksKey, proposalMarksState } from "./proposalDecorations";

/** How long the document's proposals must stay the same before the list is re-read (typing adds one). */
const settleMs = 400;

/**
 * The server's record of the negotiation's proposals, re-read when a proposal appears in or leaves
 * the document, when a move is recorded (a decision) and after every reconnection, and handed to
 * the editor's marks. Null until the first answer; `failed` when the server did not give one.
 */
async function fetchProposals(negotiationId: string): Promise<ProposalView[] | null> {
  const res = await fetch(`/api/negotiations/${negotiationId}/proposals`, { headers: { Accept: "application/json" } }).catch(() => null);
  if (!res?.ok) return null;
  // Our own server's answer, shaped by its route; zod stays out of the page (decision 021).
  const list: unknown = await res.json().catch(() => null);
  return Array.isArray(list) ? (list as ProposalView[]) : null;
}

export function useProposals(negotiationId: string, session: CollaborationSession | null, view: EditorView | null) {
  const [proposals, setProposals] = useState<ProposalView[] | null>(null);
  const [failed, setFailed] = useState(false);
  const [asked, setAsked] = useState(0);
  const reload = useCallback(() => setAsked((n) => n + 1), []);

  useEffect(() => {
    let cancelled = false; // a later read is on its way
    void fetchProposals(negotiationId).then((list) => {
      if (cancelled) return;
      setFailed(list === null);
      if (list) setProposals(list);
    });
    return () => {
      cancelled = true;
    };
  }, [negotiationId, asked]);

  useEffect(() => {
    if (!session) return;
    const stopActivity = session.onActivity(reload);
    const stopResync = session.onResync(reload);
    return () => {
      stopActivity();
      stopResync();
    };
  }, [session, reload]);

  const idsKey = view ? proposalMarksState(view.state).idsKey : "";
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const timer = setTimeout(reload, settleMs);
    return () => clearTimeout(timer);
  }, [idsKey, reload]);

  useEffect(() => {
    if (!view || !proposals) return;
    // Meta only: see useAgreementDecisions for why it is not marked addToHistory: false.
    view.dispatch(view.state.tr.setMeta(proposalMarksKey, new Map(proposals.map((p) => [p.id, p]))));
  }, [view, proposals]);

  return { proposals, failed, reload };
}
