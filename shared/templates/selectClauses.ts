import type { Catalogue, Requirement } from "../knowledge/catalogue";
import type { Locale } from "../i18n/index";
import type { ScheduleTemplate } from "../editor/scheduleTemplate";
import { definitionsSection } from "./definitions";
import { serviceProfiles } from "./serviceProfiles";
import { levelMeetingFloors } from "../knowledge/legalFloor";
import type { LevelName, ServiceContext, ServiceType } from "./wizardAnswers";

export const regimeIds = ["nis2", "dora", "gdpr", "cra"] as const;
export type RegimeId = (typeof regimeIds)[number];

export type Reason =
  { kind: "service"; service: ServiceType } | { kind: "regime"; regime: RegimeId; ref: string } | { kind: "sector"; sector: "health" | "government" };

export interface SelectedClause {
  requirementId: string;
  reasons: Reason[];
}

export interface Selection {
  level: LevelName;
  regimes: RegimeId[];
  clauses: SelectedClause[];
}

const dataWeight = { none: 0, internal: 1, confidential: 2, personal: 2, special: 3 } as const;
const criticalityWeight = { low: 0, important: 1, critical: 2 } as const;

/**
 * More sensitive data, a more critical service and financial regulation each raise the bar; a
 * DORA contract is never basic, whose texts fall short of Art. 30 in several places.
 */
export function suggestedLevel(context: ServiceContext): LevelName {
  const dora = context.rules.includes("dora");
  const score = Math.max(...context.data.map((kind) => dataWeight[kind])) + criticalityWeight[context.criticality] + (dora ? 1 : 0);
  return score <= 1 && !dora ? "basic" : score <= 3 ? "standard" : "strict";
}

/** Which regimes' elements the schedule must cover, from the answers. */
export function applicableRegimes(context: ServiceContext): RegimeId[] {
  const out: RegimeId[] = [];
  if (context.rules.includes("nis2")) out.push("nis2");
  if (context.rules.includes("dora")) out.push("dora");
  if (context.rules.includes("gdpr") || context.data.includes("personal") || context.data.includes("special")) out.push("gdpr");
  // The Cyber Resilience Act governs products with digital elements placed on the market.
  if (context.service === "iot" || context.service === "onprem") out.push("cra");
  return out;
}

const sectorCertificates = { health: "nen-7510", government: "bio" } as const;

/**
 * The clauses a schedule for this context needs, each with why: the service's model set, then for
 * every element of every applicable regime a clause that covers it (preferring one already chosen),
 * then the sector's certification. Deterministic: the same answers give the same schedule.
 */
export function selectClauses(catalogue: Catalogue, context: ServiceContext): Selection {
  const byId = new Map(catalogue.requirements.map((r) => [r.id, r]));
  const chosen = new Map<string, SelectedClause>();
  const add = (id: string, reason: Reason) => {
    if (!byId.has(id)) throw new Error(`Template refers to unknown requirement "${id}"`);
    const entry = chosen.get(id) ?? { requirementId: id, reasons: [] };
    entry.reasons.push(reason);
    chosen.set(id, entry);
  };

  for (const id of serviceProfiles[context.service]) add(id, { kind: "service", service: context.service });

  const regimes = applicableRegimes(context);
  const candidates = catalogue.requirements.filter((r) => r.kind === "requirement");
  for (const regimeId of regimes) {
    const regime = catalogue.regimes.find((r) => r.id === regimeId);
    if (!regime) continue;
    for (const element of regime.elements) {
      const covering = candidates.filter((r) => r.covers.includes(element.id));
      if (covering.length === 0) continue;
      const pick = covering.find((r) => chosen.has(r.id)) ?? widest(covering);
      add(pick.id, { kind: "regime", regime: regimeId, ref: element.ref });
    }
  }

  for (const sector of ["health", "government"] as const) {
    if (context.rules.includes(sector)) add(sectorCertificates[sector], { kind: "sector", sector });
  }

  const order = new Map(catalogue.requirements.map((r, i) => [r.id, i]));
  const categoryOrder = categoriesInOrder(catalogue);
  const clauses = [...chosen.values()].sort((a, b) => {
    const ra = byId.get(a.requirementId)!;
    const rb = byId.get(b.requirementId)!;
    return categoryOrder.indexOf(ra.category) - categoryOrder.indexOf(rb.category) || order.get(ra.id)! - order.get(rb.id)!;
  });
  return { level: suggestedLevel(context), regimes, clauses };
}

/** The requirement that covers the most elements overall: fewer, broader clauses. */
function widest(requirements: Requirement[]): Requirement {
  return requirements.reduce((best, r) => (r.covers.length > best.covers.length ? r : best));
}

function categoriesInOrder(catalogue: Catalogue): string[] {
  const preferred = [
    "governance",
    "risk-management",
    "assurance",
    "personnel",
    "access-control",
    "cryptography",
    "data-protection",
    "asset-management",
    "network-security",
    "physical-security",
    "secure-development",
    "vulnerability-management",
    "logging-and-monitoring",
    "incident-management",
    "business-continuity",
    "supply-chain",
    "exit-and-termination",
    "liability-and-insurance",
  ];
  const rest = [...new Set(catalogue.requirements.map((r) => r.category))].filter((c) => !preferred.includes(c));
  return [...preferred, ...rest];
}

/**
 * The schedule text for a selection, in the creator's language: the definitions first, then one
 * section per category, each clause the requirement's sample text at the chosen level, or the
 * lowest level above it that meets the legal minimum of the regimes that apply (decision 037); a
 * certification's summary otherwise; with its blanks as placeholder fields.
 */
export function scheduleFromSelection(
  catalogue: Catalogue,
  selection: { level: LevelName; regimes: readonly RegimeId[]; clauses: SelectedClause[] },
  locale: Locale,
  categoryName: (category: string) => string,
): ScheduleTemplate {
  const byId = new Map(catalogue.requirements.map((r) => [r.id, r]));
  const sections: ScheduleTemplate["sections"] = [definitionsSection(locale)];
  for (const clause of selection.clauses) {
    const requirement = byId.get(clause.requirementId)!;
    const heading = categoryName(requirement.category);
    let section = sections.find((s) => s.heading === heading);
    if (!section) sections.push((section = { heading, clauses: [] }));
    const levels = requirement.levels;
    const level = levels && levelMeetingFloors(selection.level, selection.regimes, (l) => Object.keys(levels[l].below));
    const text = (levels && level ? levels[level].clause[locale] : null) ?? requirement.summary[locale];
    const fields = requirement.fields.map((f) => ({ id: f.id, label: f.label[locale], hint: f.hint[locale] }));
    section.clauses.push({ heading: requirement.title[locale], requirement: requirement.id, body: [text], fields });
  }
  return { sections };
}
