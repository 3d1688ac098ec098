import type { Node as PMNode } from "prosemirror-model";

/** A blank in a clause that the parties still have to fill in. */
export interface Placeholder {
  field: string;
  label: string;
  hint: string;
  /** Where it stands in the document it was found in. */
  pos: number;
}

/** The unfilled placeholders inside `node` (a clause, or a whole schedule), in reading order. */
export function placeholdersIn(node: PMNode, offset = 0): Placeholder[] {
  const out: Placeholder[] = [];
  node.descendants((child, pos) => {
    if (child.type.name !== "placeholder") return true;
    const { field, label, hint } = child.attrs as { field: string; label: string; hint: string };
    out.push({ field, label: label || field, hint, pos: offset + pos });
    return false;
  });
  return out;
}

/** Labels for a message: “amount”, “annex”. */
export const labelList = (labels: string[]) => labels.map((label) => `“${label}”`).join(", ");
