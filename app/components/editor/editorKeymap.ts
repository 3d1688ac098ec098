import { baseKeymap, chainCommands, toggleMark } from "prosemirror-commands";
import { keymap } from "prosemirror-keymap";
import type { Command, Plugin } from "prosemirror-state";
import { liftListItem, sinkListItem, splitListItem, wrapInList } from "prosemirror-schema-list";
import { redo, undo } from "y-prosemirror";
import { insertClause, insertSection, moveClause } from "../../../shared/editor/commands";
import { scheduleSchema as s } from "../../../shared/editor/schema";

const undoCommand: Command = (state) => undo(state);
const redoCommand: Command = (state) => redo(state);

export const commands = {
  bold: toggleMark(s.marks.bold),
  italic: toggleMark(s.marks.italic),
  bulletList: wrapInList(s.nodes.bullet_list),
  orderedList: wrapInList(s.nodes.ordered_list),
  newClause: insertClause,
  newSection: insertSection,
  moveUp: moveClause(-1),
  moveDown: moveClause(1),
  undo: undoCommand,
  redo: redoCommand,
};

/** Shortcuts as ProseMirror names them; the toolbar shows the same ones. */
export const shortcuts = {
  bold: "Mod-b",
  italic: "Mod-i",
  link: "Mod-k",
  bulletList: "Mod-Shift-8",
  orderedList: "Mod-Shift-7",
  newClause: "Mod-Enter",
  newSection: "Mod-Shift-Enter",
  moveUp: "Alt-ArrowUp",
  moveDown: "Alt-ArrowDown",
  deleteClause: "Mod-Shift-Backspace",
  undo: "Mod-z",
  redo: "Mod-Shift-z",
} as const;

/** Tab is left to the browser so keyboard users can leave the editor; lists indent with Mod-] and Mod-[. */
export function editorKeymaps(extra: { link: Command; deleteClause: Command }): Plugin[] {
  const run: Record<keyof typeof shortcuts, Command> = { ...commands, ...extra };
  const bound = Object.fromEntries((Object.keys(shortcuts) as (keyof typeof shortcuts)[]).map((name) => [shortcuts[name], run[name]]));
  return [
    keymap({
      ...bound,
      "Mod-y": commands.redo,
      Enter: chainCommands(splitListItem(s.nodes.list_item), baseKeymap.Enter!),
      "Mod-]": sinkListItem(s.nodes.list_item),
      "Mod-[": liftListItem(s.nodes.list_item),
    }),
    keymap(baseKeymap),
  ];
}

export const isMac = () => typeof navigator !== "undefined" && /Mac|iPhone|iPad/.test(navigator.platform);

/** "Mod-Shift-z" → "Ctrl+Shift+Z" (or ⌘ on a Mac), for tooltips and aria-keyshortcuts. */
export function describeShortcut(shortcut: string, mac: boolean): string {
  return shortcut
    .split("-")
    .map((part) => (part === "Mod" ? (mac ? "Meta" : "Control") : part.length === 1 ? part.toUpperCase() : part))
    .join("+");
}
