import { Plugin } from "prosemirror-state";

/**
 * Pasted HTML made to fit the schedule before ProseMirror parses it (decision 015).
 *
 * Word does not put lists in <ol>/<ul>: every item is a paragraph with `mso-list:l0 level1 lfo1` in
 * its style and its number or bullet typed out in a `mso-list:Ignore` span, so without this a
 * numbered list arrives as paragraphs starting "1." and loses its numbering on the next edit.
 * Word's headings (<h1>–<h6>, MsoHeading, MsoTitle) would parse as our section and clause headings,
 * which cannot stand inside a clause's text: they become bold paragraphs there.
 * The schema has no images, so they are left out, and counted, so the author can be told.
 */
export function cleanPastedHtml(html: string): { html: string; imagesLeftOut: number } {
  // An inert document: nothing in it loads or runs (the same kind ProseMirror parses into).
  const doc = document.implementation.createHTMLDocument("");
  doc.body.innerHTML = html;
  // A whole clipboard document (Word sends one) lands in the body as it is: its head is not text.
  doc.body.querySelectorAll("style, meta, link, title, xml, script").forEach((el) => el.remove());
  const images = doc.body.querySelectorAll("img");
  images.forEach((img) => {
    const paragraph = img.closest("p");
    img.remove();
    // A paragraph that held only the image would stay behind as an empty line.
    if (paragraph && paragraph.textContent?.replace(/\u00a0/g, " ").trim() === "") paragraph.remove();
  });
  if (isFromWord(html)) {
    doc.body.querySelectorAll("o\\:p").forEach((empty) => empty.remove());
    headingsToBoldParagraphs(doc);
    listParagraphsToLists(doc);
  }
  return { html: doc.body.innerHTML, imagesLeftOut: images.length };
}

/** Word's HTML (also from Outlook) names its Office namespaces or styles with `mso-` and `Mso` classes. */
function isFromWord(html: string): boolean {
  return /urn:schemas-microsoft-com:office|class="?Mso|mso-[a-z-]+:/i.test(html);
}

function headingsToBoldParagraphs(doc: Document) {
  for (const heading of doc.body.querySelectorAll("h1, h2, h3, h4, h5, h6, p[class^='MsoHeading' i], p.MsoTitle, p.MsoSubtitle")) {
    const paragraph = doc.createElement("p");
    const bold = doc.createElement("strong");
    bold.append(...heading.childNodes);
    paragraph.append(bold);
    heading.replaceWith(paragraph);
  }
}

interface ListItemInfo {
  list: string;
  level: number;
  ordered: boolean;
}

/** A Word list paragraph's list id, nesting level and kind, or null for any other paragraph. */
function listItemInfo(el: Element): ListItemInfo | null {
  if (el.tagName !== "P") return null;
  const style = el.getAttribute("style") ?? "";
  const msoList = /mso-list:\s*(l\d+)\s+level(\d+)/i.exec(style);
  if (!msoList) return null;
  const marker =
    markerOf(el)
      ?.textContent?.replace(/\u00a0/g, " ")
      .trim() ?? "";
  // Numbers, letters and roman numerals with a dot or bracket are numbered; ·, o, §, • and the like are bullets.
  return { list: msoList[1]!, level: Number(msoList[2]), ordered: /^\(?([0-9]+|[a-z]|[ivxlcdm]+)[.)]/i.test(marker) };
}

function markerOf(el: Element): Element | null {
  return [...el.querySelectorAll("span")].find((span) => /mso-list:\s*Ignore/i.test(span.getAttribute("style") ?? "")) ?? null;
}

/** Consecutive list paragraphs of one Word list become one <ol>/<ul>, deeper levels nested in the item before them. */
function listParagraphsToLists(doc: Document) {
  let stack: { level: number; list: HTMLElement; ordered: boolean }[] = [];
  let group: { id: string; root: HTMLElement } | null = null;
  for (const paragraph of [...doc.body.querySelectorAll("p")]) {
    const info = listItemInfo(paragraph);
    if (!info) continue;
    // Items belong together while they follow each other directly (whitespace between them aside).
    if (!group || group.id !== info.list || paragraph.previousElementSibling !== group.root) stack = [];
    while (stack.length > 0 && stack[stack.length - 1]!.level > info.level) stack.pop();
    if (stack.length > 0 && stack[stack.length - 1]!.level === info.level && stack[stack.length - 1]!.ordered !== info.ordered) stack.pop();
    let top = stack[stack.length - 1];
    if (!top || top.level < info.level) {
      const list = doc.createElement(info.ordered ? "ol" : "ul");
      if (top) (top.list.lastElementChild ?? top.list).append(list);
      else paragraph.before(list);
      top = { level: info.level, list, ordered: info.ordered };
      stack.push(top);
    }
    group = { id: info.list, root: stack[0]!.list };
    markerOf(paragraph)?.remove();
    const item = doc.createElement("li");
    const text = doc.createElement("p");
    text.append(...paragraph.childNodes);
    item.append(text);
    top.list.append(item);
    paragraph.remove();
  }
}

/** Cleans every HTML paste and reports how many images it left out (0 clears an earlier notice). */
export function wordPastePlugin(onImagesLeftOut: (count: number) => void): Plugin {
  return new Plugin({
    props: {
      transformPastedHTML(html) {
        const cleaned = cleanPastedHtml(html);
        onImagesLeftOut(cleaned.imagesLeftOut);
        return cleaned.html;
      },
    },
  });
}
