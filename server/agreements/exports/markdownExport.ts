import type { Block, FormattingChange, Run, TrackedChange } from "../../../shared/editor/scheduleModel";
import { headerLines, signoffLines, statusLine, type ExportDocument } from "./exportDocument";

// Markdown has no escape-free text: characters that would start markup (links and images need
// "[", raw HTML and autolinks "<", emphasis, headings, lists, quotes) are escaped, in the schedule
// and in comments alike.
const escape = (text: string) => text.replace(/([\\`*_{}[\]<>#|!~])/g, "\\$1").replace(/^(\s*)([-+=]|\d+[.)])/gm, "$1\\$2");
/** The same escaping for the other Markdown files (a session's minutes). */
export const escapeMarkdown = escape;

// A link destination that cannot end early or smuggle in a title or markup: everything but plain
// URL characters is percent-encoded (encodeURIComponent leaves ( ) ' ! * alone, so those by hand).
const destination = (href: string) =>
  href.replace(/[^A-Za-z0-9\-._~:/?#@$&+,;=%]/g, (c) => {
    const encoded = encodeURIComponent(c);
    return encoded === c ? `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}` : encoded;
  });

// In an HTML attribute these could end it or start markup; "|" would split a table's cell even there.
const attribute = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/\|/g, "&#124;").replace(/\s+/g, " ");

/**
 * An open proposal as HTML's own <ins> and <del> (the only change a Markdown file carries:
 * redlines are Word's): GitHub, GitLab, VS Code and most previews render them underlined and
 * struck through, keep Markdown working inside them, and show the title (who, when) on hover;
 * where HTML is not rendered the tags still say what they mean. Markdown itself has
 * strike-through only in GFM (~~) and no insertion at all (++ is one plugin's).
 */
function proposal(text: string, change: TrackedChange, doc: ExportDocument): string {
  const tag = change.kind === "insert" ? "ins" : "del";
  const title = doc.t(`export.proposals.${change.kind}`, { author: change.author, time: doc.formatTime(change.date) });
  return `<${tag} title="${attribute(title)}">${text}</${tag}>`;
}

/** A formatting proposal: the text as proposed, in a <span> whose title says who proposed it and how it was. */
function formattingProposal(text: string, change: FormattingChange, doc: ExportDocument): string {
  const was = [
    change.was.bold && doc.t("proposals.format.bold"),
    change.was.italic && doc.t("proposals.format.italic"),
    change.was.href && doc.t("proposals.format.link"),
  ];
  const title = doc.t("export.proposals.format", {
    author: change.author,
    time: doc.formatTime(change.date),
    was: was.filter(Boolean).join(", ") || doc.t("export.proposals.formatPlain"),
  });
  return `<span title="${attribute(title)}">${text}</span>`;
}

function run(r: Run, doc: ExportDocument): string {
  if ("lineBreak" in r) return "  \n";
  let text = escape(r.text);
  if (!text.trim()) return r.change ? proposal(text, r.change, doc) : text;
  if (r.bold) text = `**${text}**`;
  if (r.italic) text = `*${text}*`;
  if (r.href) text = `[${text}](${destination(r.href)})`;
  if (r.formatChange) text = formattingProposal(text, r.formatChange, doc);
  return r.change ? proposal(text, r.change, doc) : text;
}

const runs = (list: Run[], doc: ExportDocument) => list.map((r) => run(r, doc)).join("");

function blocks(list: Block[], doc: ExportDocument, indent = ""): string[] {
  return list.flatMap((b) => {
    if (b.kind === "paragraph") return [indent + runs(b.runs, doc), ""];
    if (b.kind === "list") {
      return b.items
        .flatMap((item, i) => {
          const [first = "", ...rest] = blocks(item, doc, `${indent}   `).filter((l) => l !== "");
          return [`${indent}${b.ordered ? `${i + 1}.` : "-"} ${first.trimStart()}`, ...rest];
        })
        .concat("");
    }
    const rows = b.rows.map((row) => `| ${row.map((cell) => blocks(cell, doc).filter(Boolean).join(" ")).join(" | ")} |`);
    const rule = `|${b.rows[0]!.map(() => " --- |").join("")}`;
    return [rows[0]!, rule, ...rows.slice(1), ""];
  });
}

export function markdownExport(doc: ExportDocument): string {
  const { t } = doc;
  const out = [`# ${escape(t("export.documentTitle"))}`, "", ...headerLines(doc).map((l) => `- ${escape(l)}`), ""];
  if (doc.openProposals) out.push(`*${escape(t("export.proposals.legend"))}*`, "");
  const heading = (model: { heading: string; headingRuns?: Run[] }) => (model.headingRuns ? runs(model.headingRuns, doc) : escape(model.heading));
  for (const section of doc.sections) {
    out.push(`## ${section.number}. ${heading(section)}`, "");
    for (const clause of section.clauses) {
      out.push(`### ${clause.number} ${heading(clause)}`, "", `*${escape(statusLine(doc, clause))}*`, "", ...blocks(clause.blocks, doc));
    }
  }
  out.push(`## ${t("export.signoffsHeading")}`, "", ...signoffLines(doc).map((l) => `- ${escape(l)}`), "");
  if (doc.threads) {
    out.push(`## ${t("export.threadsHeading")}`, "");
    if (doc.threads.length === 0) out.push(t("export.noThreads"), "");
    for (const thread of doc.threads) {
      out.push(`### ${escape(t("export.thread", { clause: thread.clause }))}${thread.resolved ? ` (${t("export.resolved")})` : ""}`, "");
      if (thread.quote) out.push(`> ${escape(t("export.quote", { quote: thread.quote }))}`, "");
      for (const c of thread.comments)
        out.push(`**${escape(c.author)}**, ${doc.formatTime(c.at)}:`, "", ...c.body.split("\n").map((l) => `> ${escape(l)}`), "");
    }
  }
  return out.join("\n").replace(/\n{3,}/g, "\n\n");
}
