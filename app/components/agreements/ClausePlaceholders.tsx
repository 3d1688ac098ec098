import { useId, useState, type FormEvent } from "react";
import type { EditorView } from "prosemirror-view";
import { NodeSelection } from "prosemirror-state";
import { clauseAt } from "../../../shared/editor/commands";
import { placeholdersIn, type Placeholder } from "../../../shared/editor/placeholders";
import { useT } from "../../i18n";

/** The unfilled placeholders of the clause holding the cursor, in reading order. */
export function clausePlaceholders(view: EditorView): Placeholder[] {
  const found = clauseAt(view.state.selection.$from);
  if (!found) return [];
  return placeholdersIn(view.state.doc.nodeAt(found.pos)!, found.pos + 1);
}

/**
 * What is left to fill in in the clause holding the cursor: each blank with its hint, a field to
 * fill it in, and a way to select it in the text (where typing replaces it).
 */
export function ClausePlaceholders({ view }: { view: EditorView }) {
  const t = useT();
  const id = useId();
  const blanks = clausePlaceholders(view);
  // Most clauses have none: the panel stays quiet about them.
  if (blanks.length === 0) return null;
  return (
    <section className="clause-placeholders" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t("placeholders.title")}</h2>
      <p className="hint">{t("placeholders.explain")}</p>
      <ul>
        {blanks.map((blank, index) => (
          <BlankItem key={`${blank.pos}-${blank.field}`} view={view} blank={blank} inputId={`${id}-${index}`} />
        ))}
      </ul>
    </section>
  );
}

function BlankItem({ view, blank, inputId }: { view: EditorView; blank: Placeholder; inputId: string }) {
  const t = useT();
  const [value, setValue] = useState("");
  // The document may have moved on since this list was drawn: act only on a placeholder still there.
  const stillThere = () => view.state.doc.nodeAt(blank.pos)?.type.name === "placeholder";
  const show = () => {
    if (!stillThere()) return;
    view.dispatch(view.state.tr.setSelection(NodeSelection.create(view.state.doc, blank.pos)).scrollIntoView());
    view.focus();
  };
  const fill = (event: FormEvent) => {
    event.preventDefault();
    if (!value.trim() || !stillThere()) return;
    view.dispatch(view.state.tr.replaceWith(blank.pos, blank.pos + 1, view.state.schema.text(value.trim())));
    setValue("");
  };
  return (
    <li>
      <strong>{blank.label}</strong>
      {blank.hint && <p className="hint">{blank.hint}</p>}
      {view.editable && (
        <form onSubmit={fill} className="placeholder-fill">
          <label htmlFor={inputId} className="visually-hidden">
            {t("placeholders.value", { label: blank.label })}
          </label>
          <input id={inputId} value={value} onChange={(e) => setValue(e.target.value)} maxLength={500} placeholder={blank.label} />
          <button type="submit" disabled={!value.trim()}>
            {t("placeholders.fill")}
          </button>
          <button type="button" onClick={show}>
            {t("placeholders.show")}
          </button>
        </form>
      )}
    </li>
  );
}
