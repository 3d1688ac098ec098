import { useEffect, useId, useState } from "react";
import type { EditorView } from "prosemirror-view";
import type { GlossaryEntry } from "../../../shared/knowledge/localize";
import { termAtCursor } from "./glossaryDecorations";

type Shown = { id: string; left: number; top: number };

/**
 * The definition of a glossary term, next to it: while the pointer rests on the term, or while the
 * cursor stands in it (so keyboard and screen-reader users get it too, announced politely).
 */
export function GlossaryHint({ view, glossary }: { view: EditorView; glossary: Map<string, GlossaryEntry> }) {
  const id = useId();
  const [hovered, setHovered] = useState<Shown | null>(null);
  useEffect(() => {
    const over = (event: MouseEvent) => {
      const term = (event.target as HTMLElement | null)?.closest?.<HTMLElement>(".glossary-term");
      if (!term) return setHovered(null);
      const rect = term.getBoundingClientRect();
      setHovered({ id: term.dataset.term ?? "", left: rect.left, top: rect.bottom });
    };
    const leave = () => setHovered(null);
    view.dom.addEventListener("mouseover", over);
    view.dom.addEventListener("mouseleave", leave);
    return () => {
      view.dom.removeEventListener("mouseover", over);
      view.dom.removeEventListener("mouseleave", leave);
    };
  }, [view]);

  const atCursor = view.hasFocus() ? termAtCursor(view.state) : null;
  let shown = hovered;
  if (!shown && atCursor) {
    const coords = view.coordsAtPos(atCursor.from);
    shown = { id: atCursor.id, left: coords.left, top: coords.bottom };
  }
  const entry = shown ? glossary.get(shown.id) : undefined;
  return (
    <div
      id={id}
      role="tooltip"
      aria-live="polite"
      className="glossary-hint"
      hidden={!entry}
      style={shown ? { left: shown.left, top: shown.top + 4 } : undefined}
    >
      {entry && (
        <>
          <strong>{entry.term}</strong> {entry.definition}
        </>
      )}
    </div>
  );
}
