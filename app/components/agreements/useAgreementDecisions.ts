import { useEffect } from "react";
import type { EditorView } from "prosemirror-view";
import type { AgreementSnapshot } from "../../../shared/agreements/snapshot";
import { agreementsKey, decisionsMeta } from "./agreementDecorations";

/** Keeps the editor's agreement badges in step with the pushed snapshot, whichever tab is open. */
export function useAgreementDecisions(view: EditorView | null, snapshot: AgreementSnapshot) {
  useEffect(() => {
    if (!view) return;
    // A meta-only transaction changes no text, so it never enters the undo history; marking it
    // addToHistory: false would make y-prosemirror end the undo step being typed.
    view.dispatch(view.state.tr.setMeta(agreementsKey, decisionsMeta(snapshot.decisions)));
  }, [view, snapshot]);
}
