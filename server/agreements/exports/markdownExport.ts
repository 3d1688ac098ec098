import type { Block, Run } from "../../../shared/editor/scheduleModel";
import { headerLines, signoffLines, statusLine, type ExportDocument } from "./exportDocument";

// Markdown has no escape-free text: characters that would start markup (links and images need
// "[", raw HTML and autolinks "<", emphasis, headings, lists, quotes) are escaped, in the schedule
// and in comments alike.
const escape = (text: string) => text.replace(/([\\`*_{}[\]<>#|!~])/g, "\\$1").replace(/^(\s*)([-+=]|\d+[.)])/gm, "$1\\$2");

// A link destination that cannot end early or smuggle in a title or markup: everything but plain
// URL characters is percent-encoded (encodeURIComponent leaves ( ) ' ! * alone, so those by hand).
const destination = (href: string) =>
  href.replace(/[^A-Za-z0-9\-._~:/?#@$&+,;=%]/g, (c) => {
    const encoded = encodeURIComponent(c);
    return encoded === c ? `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}` : encoded;
  });

function run(r: Run): string {
  if ("lineBreak" in r) return "  \n";
  let text = escape(r.text);
  if (!text.trim()) return text;
  if (r.bold) text = `**${text}**`;
  if (r.italic) text = `*${text}*`;
  if (r.href) text = `[${text}](${destination(r.href)})`;
  return text;
}

function blocks(list: Block[], indent = ""): string[] {
  return list.flatMap((b) => {
    if (b.kind === "paragraph") return [indent + b.runs.map(run).join(""), ""];
    if (b.kind === "list") {
      return b.items
        .flatMap((item, i) => {
          const [first = "", ...rest] = blocks(item, `${indent}   `).filter((l) => l !== "");
          return [`${indent}${b.ordered ? `${i + 1}.` : "-"} ${first.trimStart()}`, ...rest];
        })
        .concat("");
    }
    const rows = b.rows.map((row) => `| ${row.map((cell) => blocks(cell).filter(Boolean).join(" ")).join(" | ")} |`);
    const rule = `|${b.rows[0]!.map(() => " --- |").join("")}`;
    return [rows[0]!, rule, ...rows.slice(1), ""];
  });
}

export function markdownExport(doc: ExportDocument): string {
  const { t } = doc;
  const out = [`# ${escape(t("export.documentTitle"))}`, "", ...headerLines(doc).map((l) => `- ${escape(l)}`), ""];
  for (const section of doc.sections) {
    out.push(`## ${section.number}. ${escape(section.heading)}`, "");
    for (const clause of section.clauses) {
      out.push(`### ${clause.number} ${escape(clause.heading)}`, "", `*${escape(statusLine(doc, clause))}*`, "", ...blocks(clause.blocks));
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
