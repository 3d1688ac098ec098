import { useEffect } from "react";
import type { EditorView } from "prosemirror-view";
import type { AgreementSnapshot } from "../../../shared/agreements/snapshot";
import { agreementsKey, decisionsMeta } from "./agreementDecorations";

/** Keeps the editor's agreement badges in step with the pushed snapshot, whichever tab is open. */
export function useAgreementDecisions(view: EditorView | null, snapshot: AgreementSnapshot) {
  useEffect(() => {
    if (!view) return;
    view.dispatch(view.state.tr.setMeta(agreementsKey, decisionsMeta(snapshot.decisions)).setMeta("addToHistory", false));
  }, [view, snapshot]);
}
