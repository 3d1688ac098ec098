// Whether a clause still says what the catalogue's text at some level says (decision 037): the
// coverage panel trusts a clause only as far as its wording goes. A blank in the catalogue text
// (`{{field}}`) matches an unfilled placeholder or whatever the parties filled in; everything else
// must read as written, up to spacing and typographic quotes, in either language.
import type { Node as PMNode } from "prosemirror-model";
import type { LevelName } from "../templates/wizardAnswers";
import { fieldReference } from "../editor/scheduleTemplate";

/** The catalogue's texts of one requirement, per level, and what each level lacks for an element's legal minimum. */
export interface RequirementWording {
  levels: { level: LevelName; texts: string[]; below: Record<string, string> }[];
}

export type WordingMatch = { level: LevelName; below: Record<string, string> } | null;

const blank = "\u0000";

/** The clause's body as one line: headings left out, an unfilled placeholder as a blank. */
export function clauseBody(clause: PMNode): string {
  const parts: string[] = [];
  clause.forEach((block, _offset, index) => {
    if (index === 0) return;
    let text = "";
    block.descendants((node) => {
      if (node.type.name === "placeholder") text += blank;
      else if (node.isText) text += node.text;
      else if (node.isBlock && text) text += " ";
      return true;
    });
    parts.push(text);
  });
  return normalise(parts.join(" "));
}

/** The clause's body for a reader: a blank as an ellipsis. */
export const readableBody = (body: string) => body.split(blank).join("…");

function normalise(text: string): string {
  return text.replace(/[‘’]/g, "'").replace(/[“”„]/g, '"').replace(/\s+/g, " ").trim();
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

function pattern(text: string): RegExp {
  const pieces = normalise(text).split(fieldReference);
  // split with a capture group alternates text and field ids: the odd pieces are the blanks.
  const source = pieces.map((piece, i) => (i % 2 === 1 ? `(?:${blank}|[^${blank}]+?)` : escape(piece))).join("");
  return new RegExp(`^${source}$`);
}

const patterns = new WeakMap<RequirementWording, { level: LevelName; below: Record<string, string>; res: RegExp[] }[]>();

/** The level whose text the clause says, the strictest first (a stricter text never reads as a weaker one); null when edited. */
export function matchWording(body: string, wording: RequirementWording): WordingMatch {
  let compiled = patterns.get(wording);
  if (!compiled) {
    compiled = [...wording.levels].reverse().map((l) => ({ level: l.level, below: l.below, res: l.texts.map(pattern) }));
    patterns.set(wording, compiled);
  }
  for (const l of compiled) if (l.res.some((re) => re.test(body))) return { level: l.level, below: l.below };
  return null;
}

/** The catalogue text nearest to an edited clause, to show what changed: most words in common. */
export function nearestText(body: string, wording: RequirementWording): { level: LevelName; text: string } | null {
  const words = new Set(body.toLowerCase().split(/\W+/).filter(Boolean));
  let best: { level: LevelName; text: string; score: number } | null = null;
  for (const l of wording.levels) {
    for (const text of l.texts) {
      const theirs = normalise(text).toLowerCase().split(/\W+/).filter(Boolean);
      const shared = theirs.filter((w) => words.has(w)).length;
      const score = shared / Math.max(theirs.length, words.size, 1);
      if (!best || score > best.score) best = { level: l.level, text: normalise(text), score };
    }
  }
  return best && { level: best.level, text: best.text };
}
