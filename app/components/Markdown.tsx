import type { ReactNode } from "react";
import { isSafeHref } from "../../shared/editor/schema";

// A small, safe subset of Markdown for comments and knowledge entries: **bold**, *italic*, [links](https://…) and "- "
// lists. Output is React elements only, never HTML strings, so nothing a member types can run.
// A mention token (shared/mentions.ts) shows the member's current name, else the name it was written with.
const inlinePattern = /(@\[[^\]\n]+\]\(user:[a-z2-7]+\)|\*\*[^*]+\*\*|\*[^*]+\*|\[[^\]]+\]\([^)\s]+\))/g;

function inline(text: string, key: string, names?: ReadonlyMap<string, string>): ReactNode[] {
  return text.split(inlinePattern).map((part, i) => {
    const k = `${key}-${i}`;
    const mention = /^@\[([^\]\n]+)\]\(user:([a-z2-7]+)\)$/.exec(part);
    if (mention)
      return (
        <span key={k} className="mention">
          @{names?.get(mention[2]!) ?? mention[1]}
        </span>
      );
    if (/^\*\*[^*]+\*\*$/.test(part)) return <strong key={k}>{part.slice(2, -2)}</strong>;
    if (/^\*[^*]+\*$/.test(part)) return <em key={k}>{part.slice(1, -1)}</em>;
    const link = /^\[([^\]]+)\]\(([^)\s]+)\)$/.exec(part);
    if (link) {
      return isSafeHref(link[2]) ? (
        <a key={k} href={link[2]} rel="noopener noreferrer nofollow" target="_blank">
          {link[1]}
        </a>
      ) : (
        <span key={k}>{link[1]}</span>
      );
    }
    return part;
  });
}

export function Markdown({ text, names }: { text: string; names?: ReadonlyMap<string, string> }) {
  const blocks: ReactNode[] = [];
  const lines = text.split("\n");
  for (let i = 0; i < lines.length;) {
    if (/^\s*[-*] /.test(lines[i]!)) {
      const items: string[] = [];
      while (i < lines.length && /^\s*[-*] /.test(lines[i]!)) items.push(lines[i++]!.replace(/^\s*[-*] /, ""));
      blocks.push(
        <ul key={`b${i}`}>
          {items.map((item, j) => (
            <li key={j}>{inline(item, `l${i}-${j}`, names)}</li>
          ))}
        </ul>,
      );
      continue;
    }
    const paragraph: string[] = [];
    while (i < lines.length && lines[i]!.trim() !== "" && !/^\s*[-*] /.test(lines[i]!)) paragraph.push(lines[i++]!);
    if (paragraph.length) blocks.push(<p key={`b${i}`}>{inline(paragraph.join(" "), `p${i}`, names)}</p>);
    else i++;
  }
  return <div className="comment-body">{blocks}</div>;
}
