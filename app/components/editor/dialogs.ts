import type { EditorState, Transaction } from "prosemirror-state";
import type { EditorView } from "prosemirror-view";
import { clauseAt, deleteClause } from "../../../shared/editor/commands";
import { numberClauses } from "../../../shared/editor/numbering";
import { isSafeHref, scheduleSchema as s } from "../../../shared/editor/schema";
import type { Translate } from "../../i18n";

type Dispatch = ((tr: Transaction) => void) | undefined;

/** Asks for a link address; an empty answer removes the link, an unsafe one is refused. */
export function promptLink(state: EditorState, dispatch: Dispatch, view: EditorView | undefined, t: Translate): boolean {
  const { from, to, empty } = state.selection;
  if (empty) return false;
  if (!dispatch) return true;
  const current = state.doc.rangeHasMark(from, to, s.marks.link) ? "" : "https://";
  const answer = window.prompt(t("editor.linkPrompt"), current);
  if (answer === null) return true;
  const href = answer.trim();
  if (href === "" || href === "https://") {
    dispatch(state.tr.removeMark(from, to, s.marks.link));
  } else if (isSafeHref(href)) {
    dispatch(state.tr.addMark(from, to, s.marks.link.create({ href })));
  } else {
    window.alert(t("editor.linkInvalid"));
  }
  view?.focus();
  return true;
}

/** Deleting a clause is the one destructive edit, so it asks first, naming the clause. */
export function confirmDeleteClause(state: EditorState, dispatch: Dispatch, t: Translate): boolean {
  const found = clauseAt(state.selection.$from);
  if (!found) return false;
  if (!dispatch) return true;
  const id = state.doc.nodeAt(found.pos)!.attrs.id;
  const clause = numberClauses(state.doc).find((c) => c.id === id);
  const ok = window.confirm(t("editor.deleteConfirm", { number: clause?.number ?? "", heading: clause?.heading || t("editor.untitledClause") }));
  return ok ? deleteClause(state, dispatch) : true;
}
