import { Plugin, PluginKey } from "prosemirror-state";
import { Decoration, DecorationSet } from "prosemirror-view";
import { clauseState, latestDecisions, type ClauseStatus, type PartyDecision } from "../../../shared/agreements/clauseStatus";
import { clauseHash } from "../../../shared/agreements/contentHash";

type Latest = ReturnType<typeof latestDecisions>;
export const agreementsKey = new PluginKey<Latest>("agreements");

/** A transaction's meta that gives the margin the parties' decisions (it changes no text). */
export const decisionsMeta = (decisions: PartyDecision[]): Latest => latestDecisions(decisions);

/**
 * A status badge in the margin of every clause (open, agreed by one side, agreed, changed since
 * agreed, needs change), recomputed against the text as it is typed.
 */
export function agreementsPlugin(label: (status: ClauseStatus) => string): Plugin<Latest> {
  return new Plugin<Latest>({
    key: agreementsKey,
    state: {
      init: () => new Map(),
      apply: (tr, value) => (tr.getMeta(agreementsKey) as Latest | undefined) ?? value,
    },
    props: {
      decorations(state) {
        const latest = agreementsKey.getState(state)!;
        const decorations: Decoration[] = [];
        state.doc.descendants((node, pos) => {
          if (node.type.name === "section") return true;
          if (node.type.name !== "clause") return false;
          const { status } = clauseState(node.attrs.id as string, clauseHash(node), latest.get(node.attrs.id as string));
          decorations.push(
            Decoration.node(pos, pos + node.nodeSize, { class: `status-${status}` }),
            Decoration.widget(
              pos + 1,
              () => {
                const badge = document.createElement("span");
                badge.className = `agreement-badge status-${status}`;
                badge.contentEditable = "false";
                badge.textContent = label(status);
                return badge;
              },
              { side: -1, key: `agreement-${status}`, ignoreSelection: true },
            ),
          );
          return false;
        });
        return DecorationSet.create(state.doc, decorations);
      },
    },
  });
}
