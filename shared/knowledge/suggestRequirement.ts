import type { Catalogue, Requirement } from "./catalogue";

export interface RequirementSuggestion {
  requirementId: string;
  /** 0..1: how much of the requirement's title the clause's words cover, the heading counting most. */
  confidence: number;
}

// Words that say nothing about which requirement a clause is about, in both languages.
const stopWords = new Set(
  "and the for with from that this shall must will any all are its their our your not per van het een voor met door die dat deze zijn wordt worden leverancier afnemer supplier buyer data gegevens".split(
    " ",
  ),
);

/** Word stems: lower case, at least three letters, cut to six so "encrypted" meets "encryption". */
function stems(text: string): Set<string> {
  const words =
    text
      .toLowerCase()
      .normalize("NFKD")
      .replace(/\p{M}/gu, "")
      .match(/\p{L}{3,}/gu) ?? [];
  return new Set(words.filter((w) => !stopWords.has(w)).map((w) => w.slice(0, 6)));
}

const threshold = 0.3;

/**
 * The catalogue requirement a clause most likely implements, or null when none fits well enough.
 * Deterministic: the same text always gets the same answer (ties go to the first id).
 */
export function suggestRequirement(catalogue: Catalogue, heading: string, body: string): RequirementSuggestion | null {
  const headingStems = stems(heading);
  const bodyStems = stems(body);
  let best: RequirementSuggestion | null = null;
  for (const requirement of [...catalogue.requirements].sort((a, b) => a.id.localeCompare(b.id))) {
    const confidence = score(requirement, headingStems, bodyStems);
    if (confidence >= threshold && (!best || confidence > best.confidence)) best = { requirementId: requirement.id, confidence };
  }
  return best;
}

function score(requirement: Requirement, heading: Set<string>, body: Set<string>): number {
  let best = 0;
  for (const locale of ["en", "nl"] as const) {
    const title = stems(requirement.title[locale]);
    const keywords = stems(`${requirement.title[locale]} ${requirement.summary[locale]}`);
    if (title.size === 0) continue;
    const inHeading = [...title].filter((w) => heading.has(w)).length / title.size;
    const inBody = [...keywords].filter((w) => body.has(w) || heading.has(w)).length / keywords.size;
    best = Math.max(best, Math.min(1, 0.7 * inHeading + 0.6 * inBody));
  }
  return Math.round(best * 100) / 100;
}
