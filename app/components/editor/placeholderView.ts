import { Plugin } from "prosemirror-state";
import type { Node as PMNode } from "prosemirror-model";

/**
 * Placeholders drawn as highlighted blanks: the label shows, and a screen reader hears "to fill in:
 * <label>". The node is an atom, so a click (or the arrow keys) selects it whole and typing replaces it.
 */
export function placeholderPlugin(accessibleName: (label: string) => string): Plugin {
  return new Plugin({
    props: {
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
