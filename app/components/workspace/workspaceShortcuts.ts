import { isMac } from "../editor/editorKeymap";

/** Shortcuts that move the keyboard between the document and the side panel (ProseMirror names). */
export const workspaceShortcuts = {
  comment: "Mod-Alt-m",
  agree: "Mod-Alt-a",
  knowledge: "Mod-Alt-j",
  help: "Mod-/",
} as const;

export type WorkspaceShortcut = keyof typeof workspaceShortcuts;

/** Whether a key event is the shortcut, as ProseMirror's keymap would read it. */
export function isShortcut(event: KeyboardEvent, shortcut: string): boolean {
  const parts = shortcut.split("-");
  const key = parts.pop()!;
  const mac = isMac();
  const want = { mod: parts.includes("Mod"), alt: parts.includes("Alt"), shift: parts.includes("Shift") };
  const mod = mac ? event.metaKey : event.ctrlKey;
  return mod === want.mod && event.altKey === want.alt && event.key.toLowerCase() === key.toLowerCase();
}
