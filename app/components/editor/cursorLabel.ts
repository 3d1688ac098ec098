import type { PresenceUser } from "../../../shared/collaboration/presence";

/** A remote caret with the member's name in their party colour; hidden from screen readers, which
 * would otherwise read other people's names in the middle of the clause text. */
export function cursorLabel(user: PresenceUser): HTMLElement {
  const caret = document.createElement("span");
  caret.className = "remote-cursor";
  caret.setAttribute("aria-hidden", "true");
  caret.style.borderColor = user.color;
  const label = document.createElement("span");
  label.className = "remote-cursor-label";
  label.style.backgroundColor = user.color;
  label.textContent = user.name;
  caret.append("\u2060", label, "\u2060");
  return caret;
}
