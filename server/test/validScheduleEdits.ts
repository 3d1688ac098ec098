// Random edits an honest editor could make, written at the Yjs level the way y-prosemirror writes
// them. Several peers make them at once, so the plan of one round keeps concurrent edits from
// combining into a schedule no editor could reach: two peers deleting the last two sections would
// leave none, a clause moved into a section someone deletes is lost. Every round keeps at least
// one section and two clauses, each with a paragraph right under it. Two peers may move the same
// clause at once: the server gives the second copy a fresh id.
import * as Y from "yjs";
import type { Random } from "./seededRandom";
import { childElements, clauseElement, clausesOf, sectionsOf, textBlock, textOf } from "./scheduleShape";

export interface RoundPlan {
  /** Ids of clauses deleted and of sections deleted or moved into this round: nobody else does so again. */
  claimed: Set<string>;
  clauseDeletesLeft: number;
  sectionDeletesLeft: number;
  /** Whether clauses and sections may be added, moved and deleted, or only text edited. */
  structural: boolean;
}

/** The plan for a round that starts from `fragment` (every peer holds the same document then). */
export function planRound(fragment: Y.XmlFragment, structural: boolean): RoundPlan {
  return {
    claimed: new Set(),
    clauseDeletesLeft: Math.max(0, clausesOf(fragment).length - 2),
    sectionDeletesLeft: sectionsOf(fragment).length - 1,
    structural,
  };
}

// Real requirement ids from shared/knowledge/requirements/.
const requirements = ["backup-management", "incident-notification", "data-deletion-and-return", "encryption-at-rest", "audit-rights"];
const words = ["security", " the Supplier", " Buyer Data", " 24 hours", " ISO/IEC 27001", "é", "ß", " <b>not markup</b>", " &amp;", ' "quoted"', " — ", " §3"];
const safeHrefs = ["https://example.org/policy", "http://intranet.test/a?b=c", "mailto:security@example.org"];

interface TextBlock {
  run: Y.XmlText;
  heading: boolean;
}

function textBlocks(fragment: Y.XmlFragment): TextBlock[] {
  const out: TextBlock[] = [];
  const visit = (element: Y.XmlElement) => {
    const run = element.nodeName === "paragraph" || element.nodeName.endsWith("_heading") ? textOf(element) : null;
    if (run) out.push({ run, heading: element.nodeName.endsWith("_heading") });
    for (const child of childElements(element)) visit(child);
  };
  for (const section of sectionsOf(fragment)) visit(section);
  return out;
}

function randomMarks(random: Random, heading: boolean): Record<string, unknown> | undefined {
  if (random.chance(0.6)) return undefined;
  if (heading) return { italic: {} };
  const marks: Record<string, unknown> = {};
  if (random.chance(0.5)) marks.bold = {};
  if (random.chance(0.5)) marks.italic = {};
  if (random.chance(0.3)) marks.link = { href: random.pick(safeHrefs) };
  return marks;
}

type Edit = (fragment: Y.XmlFragment, random: Random, plan: RoundPlan) => string | null;

const typeText: Edit = (fragment, random) => {
  const { run, heading } = random.pick(textBlocks(fragment));
  const at = random.int(0, run.length);
  const word = random.pick(words);
  run.insert(at, word, randomMarks(random, heading));
  return `type ${JSON.stringify(word)} at ${at}`;
};

const deleteText: Edit = (fragment, random) => {
  const blocks = textBlocks(fragment).filter((b) => b.run.length > 0);
  if (blocks.length === 0) return null;
  const { run } = random.pick(blocks);
  const at = random.int(0, run.length - 1);
  const length = random.int(1, Math.min(6, run.length - at));
  run.delete(at, length);
  return `delete ${length} at ${at}`;
};

const formatText: Edit = (fragment, random) => {
  const blocks = textBlocks(fragment).filter((b) => b.run.length > 0);
  if (blocks.length === 0) return null;
  const { run, heading } = random.pick(blocks);
  const at = random.int(0, run.length - 1);
  const length = random.int(1, run.length - at);
  const mark = heading ? "italic" : random.pick(["bold", "italic", "link"]);
  const value = random.chance(0.3) ? null : mark === "link" ? { href: random.pick(safeHrefs) } : {};
  run.format(at, length, { [mark]: value });
  return `${value === null ? "unformat" : "format"} ${mark} ${at}+${length}`;
};

const setRequirement: Edit = (fragment, random) => {
  const clauses = clausesOf(fragment);
  if (clauses.length === 0) return null;
  const clause = random.pick(clauses);
  if (random.chance(0.3)) {
    clause.removeAttribute("requirement");
    return "remove a requirement";
  }
  const requirement = random.pick(requirements);
  clause.setAttribute("requirement", requirement);
  return `set requirement ${requirement}`;
};

const insertClause: Edit = (fragment, random) => {
  const section = random.pick(sectionsOf(fragment));
  const at = random.int(1, section.length);
  const id = random.id();
  section.insert(at, [
    clauseElement(id, random.pick(["New clause", "Logging", ""]), random.pick(words), random.chance(0.5) ? random.pick(requirements) : undefined),
  ]);
  return `insert clause ${id}`;
};

function unclaimedClause(fragment: Y.XmlFragment, random: Random, plan: RoundPlan): Y.XmlElement | null {
  const free = clausesOf(fragment).filter((c) => !plan.claimed.has(String(c.getAttribute("id"))));
  if (free.length === 0) return null;
  const clause = random.pick(free);
  plan.claimed.add(String(clause.getAttribute("id")));
  return clause;
}

const deleteClause: Edit = (fragment, random, plan) => {
  if (plan.clauseDeletesLeft === 0) return null;
  const clause = unclaimedClause(fragment, random, plan);
  if (!clause) return null;
  plan.clauseDeletesLeft -= 1;
  const section = clause.parent as Y.XmlElement;
  section.delete(section.toArray().indexOf(clause), 1);
  return `delete clause ${clause.getAttribute("id")}`;
};

/** A move as the editor makes it: the clause is deleted and a copy with the same id inserted. */
const moveClause: Edit = (fragment, random, plan) => {
  const clauses = clausesOf(fragment);
  if (clauses.length === 0) return null;
  const clause = random.pick(clauses);
  const copy = clause.clone();
  const from = clause.parent as Y.XmlElement;
  from.delete(from.toArray().indexOf(clause), 1);
  // A section that receives a clause is not deleted this round: the clause would be lost uncounted.
  const to = random.pick(sectionsOf(fragment));
  plan.claimed.add(String(to.getAttribute("id")));
  to.insert(random.int(1, to.length), [copy]);
  return `move clause ${clause.getAttribute("id")}`;
};

const insertBlock: Edit = (fragment, random) => {
  const clauses = clausesOf(fragment);
  if (clauses.length === 0) return null;
  const clause = random.pick(clauses);
  const at = random.int(1, clause.length);
  if (random.chance(0.5)) {
    clause.insert(at, [textBlock("paragraph", random.pick(words), randomMarks(random, false))]);
    return "insert a paragraph";
  }
  const list = new Y.XmlElement(random.pick(["bullet_list", "ordered_list"]));
  const item = new Y.XmlElement("list_item");
  item.insert(0, [textBlock("paragraph", random.pick(words))]);
  list.insert(0, [item]);
  clause.insert(at, [list]);
  return `insert a ${list.nodeName}`;
};

const insertSection: Edit = (fragment, random) => {
  if (sectionsOf(fragment).length >= 3) return null;
  const section = new Y.XmlElement("section");
  section.setAttribute("id", random.id());
  section.insert(0, [textBlock("section_heading", random.pick(["Operations", "Exit", ""]))]);
  if (random.chance(0.7)) section.insert(1, [clauseElement(random.id(), "Clause", random.pick(words))]);
  fragment.insert(random.int(0, fragment.length), [section]);
  return "insert a section";
};

const deleteSection: Edit = (fragment, random, plan) => {
  if (plan.sectionDeletesLeft === 0) return null;
  const free = sectionsOf(fragment).filter(
    (s) => !plan.claimed.has(String(s.getAttribute("id"))) && childElements(s, "clause").length <= plan.clauseDeletesLeft,
  );
  if (free.length === 0) return null;
  const section = random.pick(free);
  plan.claimed.add(String(section.getAttribute("id")));
  plan.sectionDeletesLeft -= 1;
  plan.clauseDeletesLeft -= childElements(section, "clause").length;
  fragment.delete(fragment.toArray().indexOf(section), 1);
  return "delete a section";
};

const textEdits: [Edit, number][] = [
  [typeText, 6],
  [deleteText, 3],
  [formatText, 3],
];
const structuralEdits: [Edit, number][] = [
  [setRequirement, 2],
  [insertClause, 2],
  [deleteClause, 1],
  [moveClause, 2],
  [insertBlock, 1],
  [insertSection, 0.5],
  [deleteSection, 0.3],
];

/** Makes one random honest edit in `doc`, as one transaction, and says what it was. */
export function randomValidEdit(doc: Y.Doc, fragment: Y.XmlFragment, random: Random, plan: RoundPlan): string {
  const edits = plan.structural ? [...textEdits, ...structuralEdits] : textEdits;
  const total = edits.reduce((sum, [, weight]) => sum + weight, 0);
  for (;;) {
    let roll = random.next() * total;
    const [edit] = edits.find(([, weight]) => (roll -= weight) < 0) ?? edits[0]!;
    const done = doc.transact(() => edit(fragment, random, plan));
    if (done) return done;
  }
}
