import { Schema, type DOMOutputSpec, type NodeSpec, type MarkSpec } from "prosemirror-model";

// The security schedule: sections of numbered clauses. Numbers are not stored: they follow from
// position (CSS counters in the editor, shared/editor/numbering.ts elsewhere), so moving a clause
// can never leave a stale number behind.
//
// Data contract (docs/architecture.md): y-prosemirror mirrors this document into the Y.XmlFragment
// named "prosemirror"; every node becomes a Y.XmlElement named like its node type, so clauses are
// elements named "clause" with the attributes "id" and "requirement".

const idAttr = { default: null as string | null };

const nodes: Record<string, NodeSpec> = {
  doc: { content: "section+" },

  // `insertion`: a proposal to add the whole section, its clauses and heading text carrying the
  // same id (decision 033). Never parsed from pasted HTML.
  section: {
    content: "section_heading clause*",
    attrs: { id: idAttr, insertion: idAttr },
    defining: true,
    parseDOM: [{ tag: "section[data-section]", getAttrs: (dom) => ({ id: (dom as HTMLElement).getAttribute("data-id") }) }],
    toDOM: (node): DOMOutputSpec => [
      "section",
      {
        "data-section": "",
        "data-id": node.attrs.id ?? "",
        class: node.attrs.insertion ? "schedule-section section-proposed-insert" : "schedule-section",
      },
      0,
    ],
  },
  section_heading: {
    content: "text*",
    marks: "italic insertion deletion modification",
    defining: true,
    parseDOM: [{ tag: "h2" }],
    toDOM: (): DOMOutputSpec => ["h2", { class: "section-heading" }, 0],
  },

  // `insertion` / `deletion` hold the id of a proposal to add or to remove the whole clause
  // (decision 027), `moved` one to move it, `movedFrom` where it stood (decision 031): element
  // attributes, because y-prosemirror syncs no node marks. Never parsed from pasted HTML: a
  // proposal is made by its author's edit, not copied.
  clause: {
    content: "clause_heading block+",
    attrs: { id: idAttr, requirement: { default: null as string | null }, insertion: idAttr, deletion: idAttr, moved: idAttr, movedFrom: idAttr },
    defining: true,
    parseDOM: [
      {
        tag: "div[data-clause]",
        getAttrs: (dom) => ({
          id: (dom as HTMLElement).getAttribute("data-id"),
          requirement: (dom as HTMLElement).getAttribute("data-requirement") || null,
        }),
      },
    ],
    toDOM: (node): DOMOutputSpec => [
      "div",
      {
        "data-clause": "",
        "data-id": node.attrs.id ?? "",
        "data-requirement": node.attrs.requirement ?? "",
        class: node.attrs.insertion
          ? "clause clause-proposed-insert"
          : node.attrs.deletion
            ? "clause clause-proposed-delete"
            : node.attrs.moved
              ? "clause clause-proposed-move"
              : "clause",
      },
      0,
    ],
  },
  clause_heading: {
    content: "text*",
    marks: "italic insertion deletion modification",
    defining: true,
    parseDOM: [{ tag: "h3" }],
    toDOM: (): DOMOutputSpec => ["h3", { class: "clause-heading" }, 0],
  },

  // `insertion` on a paragraph or list item: the id of a proposal to add it (decision 033), set by
  // its author's edit (Enter while proposing), never parsed from pasted HTML.
  paragraph: {
    group: "block",
    content: "inline*",
    attrs: { insertion: idAttr },
    parseDOM: [{ tag: "p" }],
    toDOM: (node): DOMOutputSpec => ["p", node.attrs.insertion ? { class: "block-proposed-insert" } : {}, 0],
  },
  bullet_list: {
    group: "block",
    content: "list_item+",
    parseDOM: [{ tag: "ul" }],
    toDOM: (): DOMOutputSpec => ["ul", 0],
  },
  ordered_list: {
    group: "block",
    content: "list_item+",
    attrs: { order: { default: 1 } },
    parseDOM: [{ tag: "ol", getAttrs: (dom) => ({ order: Number((dom as HTMLElement).getAttribute("start") ?? 1) || 1 }) }],
    toDOM: (node): DOMOutputSpec => ["ol", node.attrs.order === 1 ? {} : { start: node.attrs.order }, 0],
  },
  list_item: {
    content: "paragraph block*",
    attrs: { insertion: idAttr },
    defining: true,
    parseDOM: [{ tag: "li" }],
    toDOM: (node): DOMOutputSpec => ["li", node.attrs.insertion ? { class: "block-proposed-insert" } : {}, 0],
  },
  // `insertion`: a table proposed new inside a clause (decision 033), like a new paragraph.
  table: {
    group: "block",
    content: "table_row+",
    attrs: { insertion: idAttr },
    isolating: true,
    parseDOM: [{ tag: "table" }],
    toDOM: (node): DOMOutputSpec => ["table", node.attrs.insertion ? { class: "block-proposed-insert" } : {}, ["tbody", 0]],
  },
  table_row: {
    content: "table_cell+",
    parseDOM: [{ tag: "tr" }],
    toDOM: (): DOMOutputSpec => ["tr", 0],
  },
  table_cell: {
    content: "paragraph+",
    isolating: true,
    parseDOM: [{ tag: "td" }, { tag: "th" }],
    toDOM: (): DOMOutputSpec => ["td", 0],
  },

  text: { group: "inline" },
  // A blank the parties still have to fill in (an amount, an annex, a list of locations): an atom,
  // so it is one thing to click and type over, and a clause holding one cannot be agreed
  // (shared/editor/placeholders.ts; decision 017). The label and hint are in the document's
  // language, written by the template that made it.
  placeholder: {
    group: "inline",
    inline: true,
    atom: true,
    // y-prosemirror keeps an element's attributes, not its marks: a bold blank would not survive.
    marks: "",
    attrs: { field: { default: "value" }, label: { default: "" }, hint: { default: "" } },
    parseDOM: [
      {
        tag: "span[data-placeholder]",
        getAttrs: (dom) => ({
          field: (dom as HTMLElement).getAttribute("data-placeholder") || "value",
          label: (dom as HTMLElement).getAttribute("data-label") ?? "",
          hint: (dom as HTMLElement).getAttribute("data-hint") ?? "",
        }),
      },
    ],
    toDOM: (node): DOMOutputSpec => [
      "span",
      { class: "schedule-placeholder", "data-placeholder": node.attrs.field, "data-label": node.attrs.label, "data-hint": node.attrs.hint },
      `[${node.attrs.label || node.attrs.field}]`,
    ],
  },
  hard_break: {
    group: "inline",
    inline: true,
    selectable: false,
    parseDOM: [{ tag: "br" }],
    toDOM: (): DOMOutputSpec => ["br"],
  },
};

const marks: Record<string, MarkSpec> = {
  bold: {
    parseDOM: [{ tag: "strong" }, { tag: "b" }, { style: "font-weight=bold" }],
    toDOM: (): DOMOutputSpec => ["strong", 0],
  },
  italic: {
    parseDOM: [{ tag: "em" }, { tag: "i" }, { style: "font-style=italic" }],
    toDOM: (): DOMOutputSpec => ["em", 0],
  },
  link: {
    attrs: { href: {} },
    inclusive: false,
    parseDOM: [
      {
        tag: "a[href]",
        getAttrs: (dom) => {
          const href = (dom as HTMLElement).getAttribute("href") ?? "";
          return isSafeHref(href) ? { href } : false;
        },
      },
    ],
    toDOM: (mark): DOMOutputSpec => [
      "a",
      { href: isSafeHref(mark.attrs.href) ? mark.attrs.href : "#", rel: "noopener noreferrer nofollow", target: "_blank" },
      0,
    ],
  },
  // A proposal (docs/decisions/020-proposals-as-marks.md): the mark holds only the proposal's id;
  // who proposed it and when is the server's record, so the document cannot lie about it.
  insertion: proposalMark("ins"),
  deletion: proposalMark("del"),
  // A proposal to change formatting (decision 030): the text shows the proposed formatting, `was`
  // the marks it had before (as Mark JSON), so rejecting restores them and a hash reads the text
  // as it was. It sits beside a deletion proposal (someone may propose to strike reformatted
  // text), never beside an insertion (formatting one's own new text is part of writing it).
  modification: {
    attrs: { id: {}, was: { default: [] as FormattingMark[] } },
    inclusive: false,
    excludes: "modification",
    parseDOM: [],
    toDOM: (mark): DOMOutputSpec => ["span", { "data-proposal": String(mark.attrs.id), class: "proposal-fmt" }, 0],
  },
};

/** The formatting marks a formatting proposal may change, as Mark JSON in its `was`. */
export const formattingMarkNames = ["bold", "italic", "link"] as const;
export interface FormattingMark {
  type: (typeof formattingMarkNames)[number];
  attrs?: { href: string };
}

function proposalMark(tag: "ins" | "del"): MarkSpec {
  return {
    attrs: { id: {} },
    inclusive: false,
    excludes: "insertion deletion",
    parseDOM: [{ tag: `${tag}[data-proposal]`, getAttrs: (dom) => ({ id: (dom as HTMLElement).getAttribute("data-proposal") }) }],
    toDOM: (mark): DOMOutputSpec => [tag, { "data-proposal": String(mark.attrs.id), class: `proposal-${tag}` }, 0],
  };
}

/** Links may only point to the web or mail: a javascript: URL in a shared document would be an attack. */
export function isSafeHref(href: unknown): href is string {
  return typeof href === "string" && /^(https?:\/\/|mailto:)/i.test(href.trim());
}

export const scheduleSchema = new Schema({ nodes, marks });
export type ScheduleSchema = typeof scheduleSchema;

/** The Y.XmlFragment that holds the schedule in every negotiation's Y.Doc (y-prosemirror's default). */
export const scheduleFragmentName = "prosemirror";
