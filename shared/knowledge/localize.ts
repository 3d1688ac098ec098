import type { Catalogue, Requirement } from "./catalogue";
import type { RequirementWording } from "./clauseWording";
import type { Locale } from "../i18n/index";
import type { CoverageRegime } from "./coverage";
import { termForms, type TermForms } from "./glossaryMatcher";

// The catalogue holds every text in both languages; pages get one, the reader's.

// Not catalogue.ts's LEVELS: that module validates with zod, which stays out of the browser.
const levelNames = ["basic", "standard", "strict"] as const;

export type RequirementView = ReturnType<typeof localizeRequirement>;

/** One catalogue entry in the reader's language, with related entries named. */
export function localizeRequirement(catalogue: Catalogue, requirement: Requirement, locale: Locale) {
  const byId = new Map(catalogue.requirements.map((r) => [r.id, r]));
  const refs = new Map(catalogue.regimes.flatMap((regime) => regime.elements.map((e) => [e.id, e.ref] as const)));
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
      ? levelNames.map((level) => ({
          level,
          value: requirement.levels![level].value[locale],
          clause: requirement.levels![level].clause[locale],
          // Where this level's text falls short of the law (decision 037).
          below: Object.entries(requirement.levels![level].below).map(([element, lacks]) => ({
            element,
            ref: refs.get(element) ?? element,
            lacks: lacks[locale],
          })),
        }))
      : [],
    fields: requirement.fields.map((f) => ({ id: f.id, label: f.label[locale], hint: f.hint[locale] })),
    related: requirement.related.flatMap((id) => (byId.has(id) ? [{ id, title: byId.get(id)!.title[locale] }] : [])),
  };
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

/**
 * Every requirement's level texts in both languages (a schedule is written in its creator's) and
 * what each level lacks, in the reader's language: what the coverage check compares a clause with.
 */
export function requirementWordings(catalogue: Catalogue, locale: Locale): Record<string, RequirementWording> {
  const out: Record<string, RequirementWording> = {};
  for (const r of catalogue.requirements) {
    if (!r.levels) continue;
    out[r.id] = {
      levels: levelNames.map((level) => ({
        level,
        texts: [r.levels![level].clause.en, r.levels![level].clause.nl],
        below: Object.fromEntries(Object.entries(r.levels![level].below).map(([element, lacks]) => [element, lacks[locale]])),
      })),
    };
  }
  return out;
}

export type GlossaryEntry = TermForms & { term: string; definition: string };

/** The glossary in the reader's language, with the forms to find in text of either language. */
export function glossaryFor(catalogue: Catalogue, locale: Locale): GlossaryEntry[] {
  return catalogue.glossary.map((g) => ({ id: g.id, term: g.term[locale], definition: g.definition[locale], forms: termForms(g.term) }));
}
