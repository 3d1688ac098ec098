import type { Catalogue, Requirement } from "./catalogue";

/** Full-text search in both languages, so a Dutch word finds an entry read in English too. */
export function searchCatalogue(catalogue: Catalogue, query: string): Requirement[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return catalogue.requirements;
  return catalogue.requirements.filter((r) => {
    const text = JSON.stringify([r.id, r.title, r.summary, r.buyer, r.supplier, r.verify, r.references]).toLowerCase();
    return words.every((w) => text.includes(w));
  });
}
