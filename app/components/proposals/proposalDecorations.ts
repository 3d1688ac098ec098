import type { Node as PMNode } from "prosemirror-model";
import { Plugin, PluginKey, type EditorState } from "prosemirror-state";
import { Decoration, DecorationSet } from "prosemirror-view";
import {
  blockProposalOf,
  sectionProposalOf,
  clauseMoveOf,
  clauseProposalOf,
  proposalsInDoc,
  proposalsOn,
  type ProposalInDoc,
} from "../../../shared/editor/proposalMarks";
import { movedFromPlace, type MovedFromPlace } from "../../../shared/editor/movedFrom";
import type { ProposalView } from "../../../shared/proposals/proposals";
import { partyOf } from "../../../shared/roles";

export interface ProposalMarksState {
  /** The server's record of each proposal by id; a mark whose id is not (yet) in it shows neutral. */
  records: Map<string, ProposalView>;
  inDoc: Map<string, ProposalInDoc>;
  /** The ids in the document, sorted and joined: changes when a proposal appears or goes. */
  idsKey: string;
  decorations: DecorationSet;
}

export const proposalMarksKey = new PluginKey<ProposalMarksState>("proposalMarks");
export const proposalMarksState = (state: EditorState): ProposalMarksState => proposalMarksKey.getState(state)!;

/**
 * Colours every proposed insertion, deletion and formatting change, and every clause proposed whole, by its author's
 * party, with who proposed it and when as the pointer's tooltip. The mark holds only an id; who and when come from the server's
 * list, given as this plugin's meta whenever it is (re)read.
 */
export function proposalDecorationsPlugin(
  describe: (record: ProposalView) => string,
  describeMove: (place: MovedFromPlace, record: ProposalView | undefined) => string,
): Plugin<ProposalMarksState> {
  const compute = (doc: PMNode, records: Map<string, ProposalView>): ProposalMarksState => {
    const decorations: Decoration[] = [];
    doc.descendants((node, pos) => {
      const whole = clauseProposalOf(node);
      if (whole) {
        const record = records.get(whole.id);
        decorations.push(
          Decoration.node(pos, pos + node.nodeSize, {
            class: `proposal-clause proposal-by-${(record && partyOf(record.author.party)) ?? "unknown"}`,
            ...(record ? { title: describe(record) } : {}),
          }),
        );
      }
      // A new paragraph, list item or section (decision 033): the party's bar, seen even while it is empty.
      const block = blockProposalOf(node) ?? sectionProposalOf(node);
      if (block) {
        const record = records.get(block);
        decorations.push(
          Decoration.node(pos, pos + node.nodeSize, {
            class: `proposal-block proposal-by-${(record && partyOf(record.author.party)) ?? "unknown"}`,
            ...(record ? { title: describe(record) } : {}),
          }),
        );
      }
      const move = clauseMoveOf(node);
      if (move) {
        const record = records.get(move.id);
        const party = (record && partyOf(record.author.party)) ?? "unknown";
        decorations.push(
          Decoration.node(pos, pos + node.nodeSize, { class: `proposal-clause proposal-by-${party}`, ...(record ? { title: describe(record) } : {}) }),
        );
        // "Proposed moved from after 1.2 by Sam": where it stood, in words, inside the clause so it travels with it.
        const label = describeMove(movedFromPlace(doc, move.from), record);
        decorations.push(Decoration.widget(pos + 1, () => movedLabel(label, party), { key: `moved-${move.id}-${label}`, side: -1, ignoreSelection: true }));
      }
      if (!node.isText) return true;
      for (const proposal of proposalsOn(node.marks)) {
        const record = records.get(proposal.id);
        decorations.push(
          Decoration.inline(pos, pos + node.nodeSize, {
            class: `proposal-by proposal-by-${(record && partyOf(record.author.party)) ?? "unknown"}`,
            ...(record ? { title: describe(record) } : {}),
          }),
        );
      }
      return false;
    });
    const inDoc = proposalsInDoc(doc);
    return { records, inDoc, idsKey: [...inDoc.keys()].sort().join(" "), decorations: DecorationSet.create(doc, decorations) };
  };
  return new Plugin<ProposalMarksState>({
    key: proposalMarksKey,
    state: {
      init: (_, state) => compute(state.doc, new Map()),
      apply: (tr, value) => {
        const records = (tr.getMeta(proposalMarksKey) as Map<string, ProposalView> | undefined) ?? value.records;
        if (records === value.records && !tr.docChanged) return value;
        return compute(tr.doc, records);
      },
    },
    props: { decorations: (state) => proposalMarksState(state).decorations },
  });
}

function movedLabel(text: string, party: string): HTMLElement {
  const label = document.createElement("p");
  label.className = `proposal-moved-label proposal-by-${party}`;
  label.contentEditable = "false";
  label.textContent = text;
  return label;
}

/** The proposal the cursor stands in, for the keyboard's equivalent of the tooltip. */
export function proposalAtCursor(state: EditorState): string | null {
  const { $from, empty } = state.selection;
  if (!empty) return null;
  const node = $from.nodeAfter ?? $from.nodeBefore;
  return node?.isText ? (proposalsOn(node.marks)[0]?.id ?? null) : null;
}
