import type { Catalogue, Requirement } from "../../shared/knowledge/catalogue";
import type { Locale } from "../../shared/i18n/index";
import type { CoverageRegime } from "../../shared/knowledge/coverage";
import { termForms, type TermForms } from "../../shared/knowledge/glossaryMatcher";

export type RequirementView = ReturnType<typeof localizeRequirement>;

/** One catalogue entry in the reader's language, with related entries named. */
export function localizeRequirement(catalogue: Catalogue, requirement: Requirement, locale: Locale) {
  const byId = new Map(catalogue.requirements.map((r) => [r.id, r]));
  return {
    id: requirement.id,
    kind: requirement.kind,
    category: requirement.category,
    title: requirement.title[locale],
    summary: requirement.summary[locale],
    buyer: requirement.buyer[locale],
    supplier: requirement.supplier[locale],
    verify: requirement.verify[locale],
    references: requirement.references.map((r) => `${r.source} ${r.ref}`),
    questions: requirement.questions[locale],
    pitfalls: requirement.pitfalls[locale],
    levels: requirement.levels
      ? (["basic", "standard", "strict"] as const).map((level) => ({
          level,
          value: requirement.levels![level].value[locale],
          clause: requirement.levels![level].clause[locale],
        }))
      : [],
    related: requirement.related.flatMap((id) => (byId.has(id) ? [{ id, title: byId.get(id)!.title[locale] }] : [])),
  };
}

/** Full-text search in both languages, so a Dutch word finds an entry read in English too. */
export function searchCatalogue(catalogue: Catalogue, query: string): Requirement[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return catalogue.requirements;
  return catalogue.requirements.filter((r) => {
    const text = JSON.stringify([r.id, r.title, r.summary, r.buyer, r.supplier, r.verify, r.references]).toLowerCase();
    return words.every((w) => text.includes(w));
  });
}

/** Regimes with, per element, the entries that cover it: insertable requirements first, widest first. */
export function coverageRegimes(catalogue: Catalogue, locale: Locale): CoverageRegime[] {
  const rank = (r: Requirement) => (r.kind === "requirement" ? 1000 : 0) + r.covers.length;
  return catalogue.regimes.map((regime) => ({
    id: regime.id,
    name: regime.name[locale],
    elements: regime.elements.map((element) => ({
      id: element.id,
      ref: element.ref,
      title: element.title[locale],
      requirements: catalogue.requirements
        .filter((r) => r.covers.includes(element.id))
        .sort((a, b) => rank(b) - rank(a))
        .map((r) => ({ id: r.id, title: r.title[locale] })),
    })),
  }));
}

export type GlossaryEntry = TermForms & { term: string; definition: string };

/** The glossary in the reader's language, with the forms to find in text of either language. */
export function glossaryFor(catalogue: Catalogue, locale: Locale): GlossaryEntry[] {
  return catalogue.glossary.map((g) => ({ id: g.id, term: g.term[locale], definition: g.definition[locale], forms: termForms(g.term) }));
}
