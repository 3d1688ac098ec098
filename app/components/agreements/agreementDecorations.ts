import type { Node as PMNode } from "prosemirror-model";
import { Plugin, PluginKey, type EditorState } from "prosemirror-state";
import { Decoration, DecorationSet } from "prosemirror-view";
import { clauseState, latestDecisions, type ClauseState, type ClauseStatus, type PartyDecision } from "../../../shared/agreements/clauseStatus";
import { clauseHash, hasProposal } from "../../../shared/agreements/contentHash";
import { structureHash, structureUnitId } from "../../../shared/agreements/scheduleStructure";
import { forEachClause } from "../../../shared/editor/numbering";

type Latest = ReturnType<typeof latestDecisions>;
export interface MarginState {
  latest: Latest;
  /**
   * Each clause's status against the text on this screen, in document order, and its hash. Display
   * only: the server recomputes from its own copy whenever it matters (agreeing, signing off).
   */
  states: ClauseState[];
  hashes: Map<string, string>;
  /** The schedule structure's status (headings, order, membership) and hash, likewise. */
  structure: { state: ClauseState; hash: string };
  decorations: DecorationSet;
}

export const agreementsKey = new PluginKey<MarginState>("agreements");

/** A transaction's meta that gives the margin the parties' decisions (it changes no text). */
export const decisionsMeta = (decisions: PartyDecision[]): Latest => latestDecisions(decisions);

export const marginState = (state: EditorState): MarginState => agreementsKey.getState(state)!;

const badge = (status: ClauseStatus, text: string) => () => {
  const element = document.createElement("span");
  element.className = `agreement-badge status-${status}`;
  element.contentEditable = "false";
  element.textContent = text;
  return element;
};

/**
 * A status badge in the margin of every clause (open, agreed by one side, agreed, changed since
 * agreed, needs change), and of every section heading for the structure they belong to,
 * recomputed against the text as it is typed; the sidebar reads the same statuses. Only edits and
 * new decisions recompute them; cursor moves reuse the state.
 */
export function agreementsPlugin(label: (status: ClauseStatus) => string, structureLabel: (status: ClauseStatus) => string): Plugin<MarginState> {
  const compute = (doc: PMNode, latest: Latest): MarginState => {
    const decorations: Decoration[] = [];
    const states: ClauseState[] = [];
    const hashes = new Map<string, string>();
    forEachClause(doc, (clause, pos) => {
      const id = clause.attrs.id as string;
      const hash = clauseHash(clause);
      const state = clauseState(id, hash, latest.get(id), hasProposal(clause));
      const { status } = state;
      states.push(state);
      hashes.set(id, hash);
      decorations.push(
        Decoration.node(pos, pos + clause.nodeSize, { class: `status-${status}` }),
        Decoration.widget(pos + 1, badge(status, label(status)), { side: -1, key: `agreement-${status}`, ignoreSelection: true }),
      );
    });
    const hash = structureHash(doc);
    const structure = clauseState(structureUnitId, hash, latest.get(structureUnitId));
    doc.forEach((section, offset) => {
      const status = structure.status;
      decorations.push(Decoration.widget(offset + 1, badge(status, structureLabel(status)), { side: -1, key: `structure-${status}`, ignoreSelection: true }));
    });
    return { latest, states, hashes, structure: { state: structure, hash }, decorations: DecorationSet.create(doc, decorations) };
  };
  return new Plugin<MarginState>({
    key: agreementsKey,
    state: {
      init: (_, state) => compute(state.doc, new Map()),
      apply: (tr, value) => {
        const latest = (tr.getMeta(agreementsKey) as Latest | undefined) ?? value.latest;
        if (latest === value.latest && !tr.docChanged) return value;
        return compute(tr.doc, latest);
      },
    },
    props: { decorations: (state) => marginState(state).decorations },
  });
}
