/** The "@query" being typed just before the caret, if any: where it starts and what it says so far. */
export function mentionQueryAt(text: string, caret: number): { start: number; query: string } | null {
  const match = /(?:^|\s)@([^\s@[\]()][^@[\]()\n]{0,40}|)$/.exec(text.slice(0, caret));
  if (!match) return null;
  const query = match[1]!;
  return { start: caret - query.length - 1, query };
}

export interface MentionCandidate {
  userId: string;
  name: string;
}

/** Members whose name has a word starting with the query, at most a handful. */
export function matchingCandidates(candidates: MentionCandidate[], query: string): MentionCandidate[] {
  const q = query.trim().toLowerCase();
  return candidates.filter((c) => !q || c.name.toLowerCase().startsWith(q) || c.name.toLowerCase().includes(` ${q}`)).slice(0, 6);
}
