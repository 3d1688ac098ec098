import type { Node as PMNode } from "prosemirror-model";
import { newId } from "../ids";
import { scheduleSchema } from "./schema";

/** A blank the template leaves for the parties, in the document's language. */
export interface PlaceholderField {
  id: string;
  label: string;
  hint: string;
}

export interface ClauseTemplate {
  heading: string;
  /** Knowledge-base id of the requirement this clause implements. */
  requirement: string | null;
  /**
   * Paragraphs of plain text; a paragraph whose lines all start with "- " becomes a bullet list.
   * `{{id}}` stands for the placeholder field with that id.
   */
  body: string[];
  fields?: PlaceholderField[];
}

/** Where a template's text names a placeholder field: `{{annex}}`. */
export const fieldReference = /\{\{([a-z][a-z0-9-]*)\}\}/g;

/** A template's text to read, each field shown as its label in brackets: "[annex number]". */
export const fieldsAsText = (text: string, fields: PlaceholderField[]) =>
  text.replace(fieldReference, (whole, id: string) => {
    const field = fields.find((f) => f.id === id);
    return field ? `[${field.label}]` : whole;
  });

export interface ScheduleTemplate {
  sections: { heading: string; clauses: ClauseTemplate[] }[];
}

const s = scheduleSchema;

/** Text with its `{{field}}` references turned into placeholder nodes. */
function inline(text: string, fields: PlaceholderField[]): PMNode[] {
  const out: PMNode[] = [];
  let at = 0;
  for (const match of text.matchAll(fieldReference)) {
    const field = fields.find((f) => f.id === match[1]);
    if (!field) throw new Error(`The template's text refers to an undefined field "${match[1]}"`);
    if (match.index > at) out.push(s.text(text.slice(at, match.index)));
    out.push(s.nodes.placeholder.create({ field: field.id, label: field.label, hint: field.hint }));
    at = match.index + match[0].length;
  }
  if (at < text.length) out.push(s.text(text.slice(at)));
  return out;
}

function block(text: string, fields: PlaceholderField[]): PMNode {
  const lines = text.split("\n");
  if (lines.length > 0 && lines.every((l) => l.startsWith("- "))) {
    return s.nodes.bullet_list.create(
      null,
      lines.map((l) => s.nodes.list_item.create(null, s.nodes.paragraph.create(null, inline(l.slice(2), fields)))),
    );
  }
  return s.nodes.paragraph.create(null, inline(text, fields));
}

const heading = (type: "section_heading" | "clause_heading", text: string) => s.nodes[type].create(null, text ? s.text(text) : null);

export function clauseNode(clause: ClauseTemplate): PMNode {
  const body = clause.body.length ? clause.body.map((text) => block(text, clause.fields ?? [])) : [s.nodes.paragraph.create()];
  return s.nodes.clause.create({ id: newId(), requirement: clause.requirement }, [heading("clause_heading", clause.heading), ...body]);
}

/** The one way a schedule document is made from a template, on the server and in tests. */
export function buildScheduleDoc(template: ScheduleTemplate): PMNode {
  const sections = template.sections.length ? template.sections : [{ heading: "", clauses: [] }];
  const doc = s.nodes.doc.create(
    null,
    sections.map((section) => s.nodes.section.create({ id: newId() }, [heading("section_heading", section.heading), ...section.clauses.map(clauseNode)])),
  );
  doc.check();
  return doc;
}
