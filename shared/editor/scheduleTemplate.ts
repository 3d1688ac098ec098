import type { Node as PMNode } from "prosemirror-model";
import { newId } from "../ids";
import { scheduleSchema } from "./schema";

export interface ClauseTemplate {
  heading: string;
  /** Knowledge-base id of the requirement this clause implements. */
  requirement: string | null;
  /** Paragraphs of plain text; a paragraph whose lines all start with "- " becomes a bullet list. */
  body: string[];
}

export interface ScheduleTemplate {
  sections: { heading: string; clauses: ClauseTemplate[] }[];
}

const s = scheduleSchema;

function block(text: string): PMNode {
  const lines = text.split("\n");
  if (lines.length > 0 && lines.every((l) => l.startsWith("- "))) {
    return s.nodes.bullet_list.create(
      null,
      lines.map((l) => s.nodes.list_item.create(null, s.nodes.paragraph.create(null, s.text(l.slice(2))))),
    );
  }
  return s.nodes.paragraph.create(null, text ? s.text(text) : null);
}

const heading = (type: "section_heading" | "clause_heading", text: string) => s.nodes[type].create(null, text ? s.text(text) : null);

export function clauseNode(clause: ClauseTemplate): PMNode {
  const body = clause.body.length ? clause.body.map(block) : [s.nodes.paragraph.create()];
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
