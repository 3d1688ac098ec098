import type { ImportedEntry } from "../../../shared/wordImport/importedDocument";

export interface OutlineClause {
  /** Index of the clause's first entry: its heading, or its first paragraph when it has none. Stable across re-splits of other clauses. */
  key: number;
  heading: number | null;
  body: number[];
}

export interface OutlineSection {
  heading: number | null;
  clauses: OutlineClause[];
}

/**
 * Sections and clauses from the entries' roles, by entry index. Text before the first heading
 * gets a clause (and section) without a heading, so nothing in the file is left out.
 */
export function importOutline(entries: ImportedEntry[]): OutlineSection[] {
  const sections: OutlineSection[] = [];
  const section = () => sections.at(-1) ?? (sections.push({ heading: null, clauses: [] }), sections.at(-1)!);
  entries.forEach((entry, index) => {
    if (entry.role === "section") sections.push({ heading: index, clauses: [] });
    else if (entry.role === "clause") section().clauses.push({ key: index, heading: index, body: [] });
    else {
      const current = section();
      const clause = current.clauses.at(-1) ?? (current.clauses.push({ key: index, heading: null, body: [] }), current.clauses.at(-1)!);
      clause.body.push(index);
    }
  });
  return sections;
}
