// The running header and footer every Word export shares (the schedule's and the minutes').
import { AlignmentType, Footer, Header, PageNumber, Paragraph, TextRun } from "docx";
import type { MessageKey, Params } from "../../../shared/i18n/index";

const small = 16; // half-points

/** "Page {page} of {pages}" in the reader's language, with Word's PAGE and NUMPAGES fields in place. */
function pageOf(t: (key: MessageKey, params?: Params) => string): (string | (typeof PageNumber)[keyof typeof PageNumber])[] {
  return t("export.page")
    .split(/(\{page\}|\{pages\})/)
    .filter(Boolean)
    .map((part) => (part === "{page}" ? PageNumber.CURRENT : part === "{pages}" ? PageNumber.TOTAL_PAGES : part));
}

export const runningHeader = (text: string) =>
  new Header({ children: [new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ text, size: small })] })] });

/** Which text this is, then page x of y. */
export const runningFooter = (line: string, t: (key: MessageKey, params?: Params) => string) =>
  new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ text: `${line} · `, size: small }), new TextRun({ children: pageOf(t), size: small })],
      }),
    ],
  });
