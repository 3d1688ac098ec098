// A comment as plain text, for previews where Markdown markup would show as stray symbols: the
// subset of app/components/Markdown.tsx (bold, italic, links, lists) and mention tokens.
import { mentionPattern } from "./mentions";

export function plainText(markdown: string, maxLength = 200): string {
  const text = markdown
    .replace(mentionPattern, (_whole, name: string) => `@${name}`)
    .replace(/\[([^\]]+)\]\([^)\s]+\)/g, "$1")
    .replace(/\*\*([^*]+)\*\*/g, "$1")
    .replace(/\*([^*]+)\*/g, "$1")
    .replace(/^\s*[-*] /gm, "")
    .replace(/\s+/g, " ")
    .trim();
  return text.length > maxLength ? `${text.slice(0, maxLength - 1)}…` : text;
}
