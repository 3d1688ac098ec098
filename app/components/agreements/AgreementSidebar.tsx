import type { EditorView } from "prosemirror-view";
import { clauseAt } from "../../../shared/editor/commands";
import type { AgreementSnapshot } from "../../../shared/agreements/snapshot";
import type { Party } from "../../../shared/roles";
import { marginState } from "./agreementDecorations";
import { ClauseAgreement } from "./ClauseAgreement";
import { ClausePlaceholders, clausePlaceholders } from "./ClausePlaceholders";

interface Props {
  negotiationId: string;
  view: EditorView;
  snapshot: AgreementSnapshot;
  onSnapshot: (snapshot: AgreementSnapshot) => void;
  /** The reader's party when the policy lets them agree now. */
  agreeingParty: Party | null;
}

/** The agreement on the clause (or, in a section heading, the structure) holding the cursor. */
export function AgreementSidebar({ negotiationId, view, snapshot, onSnapshot, agreeingParty }: Props) {
  const { states, hashes, structure } = marginState(view.state);
  const { $from } = view.state.selection;
  const found = clauseAt($from);
  const clauseId = found ? (view.state.doc.nodeAt(found.pos)!.attrs.id as string) : null;
  const state = clauseId ? states.find((s) => s.clauseId === clauseId) : undefined;
  // A section heading belongs to the structure, the one unit that covers every heading.
  const unit =
    $from.parent.type.name === "section_heading"
      ? { id: structure.state.clauseId, hash: structure.hash, state: structure.state, structure: true }
      : clauseId && state
        ? { id: clauseId, hash: hashes.get(clauseId)!, state, structure: false }
        : null;
  return (
    <>
      <ClauseAgreement
        negotiationId={negotiationId}
        clause={unit}
        unfilled={unit && !unit.structure ? clausePlaceholders(view).map((p) => p.label) : []}
        inForce={snapshot.round > 0}
        agreeingParty={agreeingParty}
        onSnapshot={onSnapshot}
      />
      <ClausePlaceholders view={view} />
    </>
  );
}
