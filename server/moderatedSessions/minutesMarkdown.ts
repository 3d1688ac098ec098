import type { Locale } from "../../shared/i18n/index";
import type { MinutesRevision } from "../../shared/moderatedSessions/sessions";
import { escapeMarkdown as md } from "../agreements/exports/markdownExport";
import { minutesBlocks, type MinutesBlock } from "./minutesBlocks";

// After "### 3. " a title starting "1.2" is no list, so only markup characters need escaping there.
const inHeading = (text: string) => text.replace(/([\\`*_{}[\]<>#|!~])/g, "\\$1");

function lines(block: MinutesBlock): string[] {
  switch (block.kind) {
    case "title":
      return [`# ${md(block.text)}`];
    case "heading":
      return [`## ${md(block.text)}`];
    case "item":
      return [`### ${block.number}. ${inHeading(block.title)}`];
    case "outcome":
      return [`**${md(block.text)}**`];
    case "paragraph":
      return [md(block.text)];
    case "note":
      return [`*${md(block.text)}*`];
    case "list":
      return block.lines.map((line) => `- ${md(line)}`);
    case "attendees":
      return block.lines.map((line) => `- **${md(line.label)}**: ${md(line.names)}`);
  }
}

/** Published minutes as a Markdown file (and the text of the minutes by mail), in the reader's language. */
export function minutesMarkdown(minutes: MinutesRevision, locale: Locale): string {
  return minutesBlocks(minutes, locale)
    .blocks.flatMap((block) => [...lines(block), ""])
    .join("\n");
}
