// A clause proposed moved (decision 031): it stands at its new place carrying `moved` (the
// proposal's id) and `movedFrom` (where it stood: its section's id and the clause it followed).
// The same outline serves the editor, the server's guard (read from Yjs) and the hashes.

/** The schedule's sections and clauses as far as places go. */
export type ClauseOutline = { id: string | null; clauses: { id: string; moved: string | null; insertion: string | null }[] }[];

export interface ClausePlace {
  sectionId: string;
  /** The clause it followed, or null: first in its section. */
  afterClauseId: string | null;
}

export const encodePlace = (place: ClausePlace): string => `${place.sectionId}/${place.afterClauseId ?? ""}`;

export function parsePlace(value: unknown): ClausePlace | null {
  if (typeof value !== "string") return null;
  const [sectionId, after, ...rest] = value.split("/");
  if (!sectionId || after === undefined || rest.length > 0) return null;
  return { sectionId, afterClauseId: after || null };
}

/** A clause that holds its place in the structure both agreed: not itself proposed moved or new. */
const isSettled = (clause: ClauseOutline[number]["clauses"][number]) => !clause.moved && !clause.insertion;

/**
 * Where a clause stands, named by its section and the nearest settled clause before it: a place
 * that other open moves and additions do not shift. Null when the clause or its section's id is unknown.
 */
export function placeOf(outline: ClauseOutline, clauseId: string): ClausePlace | null {
  for (const section of outline) {
    const index = section.clauses.findIndex((c) => c.id === clauseId);
    if (index < 0) continue;
    if (!section.id) return null;
    const before = section.clauses.slice(0, index).filter(isSettled).at(-1);
    return { sectionId: section.id, afterClauseId: before?.id ?? null };
  }
  return null;
}

/**
 * The clause ids of each section as if every open move were undone: each moved clause back after
 * the clause it followed (first when that has gone), in its old section (where it is when that has
 * gone). Moved clauses with the same place keep their present order.
 */
export function unmovedOrder(outline: ClauseOutline, movedFrom: (clauseId: string) => ClausePlace | null): string[][] {
  const sections = outline.map((s) => s.clauses.filter((c) => !c.moved).map((c) => c.id));
  const indexOf = new Map(outline.map((s, i) => [s.id, i] as const));
  const placedAfter = new Map<string, number>();
  outline.forEach((section, current) => {
    for (const clause of section.clauses) {
      if (!clause.moved) continue;
      const place = movedFrom(clause.id);
      const target = (place && indexOf.get(place.sectionId)) ?? current;
      const list = sections[target]!;
      const anchor = place?.afterClauseId ? list.indexOf(place.afterClauseId) : -1;
      const key = `${target}/${anchor >= 0 ? place!.afterClauseId : ""}`;
      const count = placedAfter.get(key) ?? 0;
      list.splice(anchor + 1 + count, 0, clause.id);
      placedAfter.set(key, count + 1);
    }
  });
  return sections;
}
