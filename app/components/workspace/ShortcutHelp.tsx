import { useEffect, useId, useRef } from "react";
import { useT, type MessageKey } from "../../i18n";
import { describeShortcut, isMac, shortcuts } from "../editor/editorKeymap";
import { isShortcut, workspaceShortcuts } from "./workspaceShortcuts";

const editorLabels: Record<keyof typeof shortcuts, MessageKey> = {
  bold: "editor.bold",
  italic: "editor.italic",
  link: "editor.link",
  bulletList: "editor.bulletList",
  orderedList: "editor.orderedList",
  newClause: "editor.newClause",
  newSection: "editor.newSection",
  moveUp: "editor.moveUp",
  moveDown: "editor.moveDown",
  deleteClause: "editor.deleteClause",
  undo: "editor.undo",
  redo: "editor.redo",
};

const typing = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName));

/**
 * The list of keyboard shortcuts, in a modal dialog: opened with "?" anywhere one is not typing,
 * with Ctrl+/ everywhere, or with its button.
 */
export function ShortcutHelp() {
  const t = useT();
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const asked = isShortcut(event, workspaceShortcuts.help) || (event.key === "?" && !event.ctrlKey && !event.metaKey && !typing(event.target));
      if (!asked || dialog.current?.open) return;
      event.preventDefault();
      dialog.current?.showModal();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);
  const mac = isMac();
  const rows: [string, string][] = [
    [describeShortcut(workspaceShortcuts.comment, mac), t("shortcuts.comment")],
    [describeShortcut(workspaceShortcuts.agree, mac), t("shortcuts.agree")],
    [describeShortcut(workspaceShortcuts.knowledge, mac), t("shortcuts.knowledge")],
    [t("shortcuts.escapeKey"), t("shortcuts.escape")],
    [t("shortcuts.markerKeys"), t("shortcuts.markers")],
    [t("shortcuts.tabKeys"), t("shortcuts.tabs")],
    ["?", t("shortcuts.help")],
    ...(Object.keys(shortcuts) as (keyof typeof shortcuts)[]).map((name): [string, string] => [describeShortcut(shortcuts[name], mac), t(editorLabels[name])]),
  ];
  return (
    <>
      <button type="button" className="link-button shortcut-help-button" aria-haspopup="dialog" onClick={() => dialog.current?.showModal()}>
        {t("shortcuts.button")}
      </button>
      <dialog ref={dialog} className="confirm-dialog shortcut-help" aria-labelledby={`${id}-title`}>
        <h2 id={`${id}-title`}>{t("shortcuts.title")}</h2>
        <table>
          <thead>
            <tr>
              <th scope="col">{t("shortcuts.key")}</th>
              <th scope="col">{t("shortcuts.action")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(([keys, action]) => (
              <tr key={action}>
                <td>
                  <kbd>{keys}</kbd>
                </td>
                <td>{action}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className="confirm-actions">
          <button type="button" className="primary" onClick={() => dialog.current?.close()}>
            {t("shortcuts.close")}
          </button>
        </div>
      </dialog>
    </>
  );
}
