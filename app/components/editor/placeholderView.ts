import { NodeSelection, Plugin } from "prosemirror-state";
import type { Node as PMNode } from "prosemirror-model";

/**
 * Placeholders drawn as highlighted blanks: the label shows, and a screen reader hears "to fill in:
 * <label>". The node is an atom, so a click (or the arrow keys) selects it whole and typing replaces it.
 */
export function placeholderPlugin(accessibleName: (label: string) => string): Plugin {
  return new Plugin({
    props: {
      // A press on a blank selects it whole, so that typing replaces it. Handled at mousedown:
      // left to the browser, the press puts a caret beside the (non-editable) blank instead.
      handleDOMEvents: {
        mousedown(view, event) {
          const blank = event.button === 0 && event.target instanceof Element ? event.target.closest(".schedule-placeholder") : null;
          if (!blank || !view.editable) return false;
          const pos = view.posAtDOM(blank, 0);
          const at = [pos, pos - 1].find((p) => p >= 0 && view.state.doc.nodeAt(p)?.type.name === "placeholder");
          if (at === undefined) return false;
          event.preventDefault();
          view.focus();
          view.dispatch(view.state.tr.setSelection(NodeSelection.create(view.state.doc, at)));
          return true;
        },
      },
      nodeViews: {
        placeholder: (node: PMNode) => {
          const { field, label, hint } = node.attrs as { field: string; label: string; hint: string };
          const dom = document.createElement("span");
          dom.className = "schedule-placeholder";
          dom.dataset.placeholder = field;
          if (hint) dom.title = hint;
          const spoken = document.createElement("span");
          spoken.className = "visually-hidden";
          spoken.textContent = accessibleName(label || field);
          const shown = document.createElement("span");
          shown.setAttribute("aria-hidden", "true");
          shown.textContent = label || field;
          dom.append(spoken, shown);
          return { dom };
        },
      },
    },
  });
}
