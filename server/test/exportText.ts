// The words of an exported file, for tests that check what it says rather than how it looks.
import JSZip from "jszip";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";

/** The text of a piece of WordprocessingML, each paragraph started by `separator`, with the few entities docx writes decoded. */
export function xmlWords(xml: string, separator = "\n"): string {
  return xml
    .replace(/<w:p[ >]/g, `${separator}$&`)
    .replace(/<[^>]+>/g, "")
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'");
}

/** A Word file's body text, a line per paragraph. */
export async function docxText(bytes: ArrayBuffer): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  return xmlWords(await zip.file("word/document.xml")!.async("string"));
}

/** A PDF's text, one string per page. */
export async function pdfPages(bytes: ArrayBuffer): Promise<string[]> {
  const pdf = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= pdf.numPages; i++) {
    const content = await (await pdf.getPage(i)).getTextContent();
    pages.push(content.items.map((item) => ("str" in item ? item.str + (item.hasEOL ? "\n" : "") : "")).join(""));
  }
  return pages;
}

/** A PDF's text, page after page. */
export async function pdfText(bytes: ArrayBuffer): Promise<string> {
  return (await pdfPages(bytes)).join("\n");
}
