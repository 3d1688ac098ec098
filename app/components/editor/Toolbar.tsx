import type { Command } from "prosemirror-state";
import type { EditorView } from "prosemirror-view";
import { scheduleSchema as s } from "../../../shared/editor/schema";
import { useT, type MessageKey } from "../../i18n";
import { commands, describeShortcut, isMac, shortcuts } from "./editorKeymap";
import { confirmDeleteClause, promptLink } from "./dialogs";

const alwaysApplies = new Set<Action["key"]>(["undo", "redo"]);
const proposable = new Set<Action["key"]>(["bold", "italic", "link", "table", "newClause", "newSection", "deleteClause", "moveUp", "moveDown"]);

interface Action {
  key: keyof typeof shortcuts | "table";
  label: MessageKey;
  run: Command;
  active?: boolean;
}

function insertTable(): Command {
  return (state, dispatch) => {
    const cell = () => s.nodes.table_cell.create(null, s.nodes.paragraph.create());
    const row = () => s.nodes.table_row.create(null, [cell(), cell()]);
    const table = s.nodes.table.create(null, [row(), row()]);
    const { $from } = state.selection;
    if (!$from.parent.isTextblock || $from.parent.type !== s.nodes.paragraph) return false;
    if (dispatch) dispatch(state.tr.insert($from.after(), table).scrollIntoView());
    return true;
  };
}

/**
 * Buttons for what the keyboard shortcuts do; each says its shortcut and whether it applies here.
 * While proposing, undo and redo apply, formatting (proposed as formatting changes, decision 030)
 * adding, removing or moving a clause (proposed as clauses, decisions 027 and 031), and adding a
 * table or a section (decision 033); other structure has no proposal form yet.
 */
export function Toolbar({ view, proposing }: { view: EditorView; proposing: boolean }) {
  const t = useT();
  const state = view.state;
  const markActive = (type: typeof s.marks.bold) => {
    const { from, to, empty, $from } = state.selection;
    return empty ? !!type.isInSet(state.storedMarks ?? $from.marks()) : state.doc.rangeHasMark(from, to, type);
  };
  const groups: Action[][] = [
    [
      { key: "undo", label: "editor.undo", run: commands.undo },
      { key: "redo", label: "editor.redo", run: commands.redo },
    ],
    [
      { key: "bold", label: "editor.bold", run: commands.bold, active: markActive(s.marks.bold) },
      { key: "italic", label: "editor.italic", run: commands.italic, active: markActive(s.marks.italic) },
      { key: "link", label: "editor.link", run: (st, d, v) => promptLink(st, d, v, t), active: markActive(s.marks.link) },
    ],
    [
      { key: "bulletList", label: "editor.bulletList", run: commands.bulletList },
      { key: "orderedList", label: "editor.orderedList", run: commands.orderedList },
      { key: "table", label: "editor.table", run: insertTable() },
    ],
    [
      { key: "newClause", label: "editor.newClause", run: commands.newClause },
      { key: "newSection", label: "editor.newSection", run: commands.newSection },
      { key: "moveUp", label: "editor.moveUp", run: commands.moveUp },
      { key: "moveDown", label: "editor.moveDown", run: commands.moveDown },
      { key: "deleteClause", label: "editor.deleteClause", run: (st, d) => confirmDeleteClause(st, d, t) },
    ],
  ];
  const mac = isMac();
  return (
    <div className="editor-toolbar" role="toolbar" aria-label={t("editor.toolbar")}>
      {groups.map((group, i) => (
        <div className="toolbar-group" key={i}>
          {group.map((action) => {
            const shortcut = action.key === "table" ? null : describeShortcut(shortcuts[action.key], mac);
            const label = t(action.label);
            const enabled = alwaysApplies.has(action.key) || ((!proposing || proposable.has(action.key)) && action.run(state, undefined, view));
            return (
              <button
                key={action.key}
                type="button"
                className={`toolbar-button toolbar-${action.key}`}
                aria-pressed={action.active === undefined ? undefined : action.active}
                aria-keyshortcuts={shortcut ?? undefined}
                title={shortcut ? t("editor.shortcut", { label, keys: shortcut.replace(/\+/g, "+") }) : label}
                disabled={!enabled}
                // Keep the editor's selection: a mousedown on a button would otherwise blur it.
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => {
                  action.run(view.state, view.dispatch, view);
                  view.focus();
                }}
              >
                {label}
              </button>
            );
          })}
        </div>
      ))}
    </div>
  );
}
