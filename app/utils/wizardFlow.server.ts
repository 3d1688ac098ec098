import { z } from "zod";
import type { Catalogue } from "../../shared/knowledge/catalogue";
import type { Locale } from "../../shared/i18n/index";
import { selectClauses, suggestedLevel, type Reason } from "../../shared/templates/selectClauses";
import { newNegotiationSchema, serviceContextSchema, type NewNegotiation, type ServiceContext } from "../../shared/templates/wizardAnswers";
import {
  impliedRules,
  invalidFields,
  stepsFor,
  wizardDraftSchema,
  wizardSteps,
  type CheckedField,
  type Proposal,
  type WizardDraft,
  type WizardStep,
  type WizardView,
} from "../../shared/templates/wizardSteps";

const navigationSchema = z.object({
  step: z.enum(wizardSteps).catch("service"),
  intent: z.union([z.enum(["next", "back", "create"]), z.string().regex(/^goto:[a-z]+$/)]).default("next"),
});

/** One post of the wizard's form: where it was, what the button asked, every answer so far. */
export interface PostedWizard {
  step: WizardStep;
  intent: string;
  draft: WizardDraft;
  /** The clauses left ticked on the review step; null when the post came from another step. */
  include: string[] | null;
}

const many = new Set(["data", "rules", "exclude", "include"]);

/** The form as posted, bounded; null when it is not the wizard's form at all (oversized, wrong shape). */
export function readWizardForm(form: FormData): PostedWizard | null {
  const raw: Record<string, unknown> = {};
  for (const key of new Set(form.keys())) raw[key] = many.has(key) ? form.getAll(key).map(String) : String(form.get(key));
  const navigation = navigationSchema.safeParse(raw);
  const draft = wizardDraftSchema.safeParse(raw);
  const include = z.array(z.string().max(100)).max(500).optional().safeParse(raw.include);
  if (!navigation.success || !draft.success || !include.success) return null;
  const reviewed = navigation.data.step === "review" && raw.reviewed === "1";
  return { ...navigation.data, draft: draft.data, include: reviewed ? (include.data ?? []) : null };
}

export type WizardOutcome = { view: WizardView; create?: undefined } | { view: WizardView; create: NewNegotiation };

/** The service context the answers describe, GDPR added for personal data; null while an answer is still invalid. */
export function contextOf(draft: WizardDraft): ServiceContext | null {
  const rules = [...new Set([...draft.rules, ...impliedRules(draft.data)])];
  const parsed = serviceContextSchema.safeParse({ service: draft.service, data: draft.data, criticality: draft.criticality, rules });
  return parsed.success ? parsed.data : null;
}

/** Which step's answer a reason comes from, so the review can say so (and offer to change it). */
function reasonStep(reason: Reason, draft: WizardDraft): WizardStep {
  if (reason.kind === "service" || (reason.kind === "regime" && reason.regime === "cra")) return "service";
  if (reason.kind === "regime" && reason.regime === "gdpr" && impliedRules(draft.data).length > 0) return "data";
  return "regimes";
}

function proposalFor(catalogue: Catalogue, draft: WizardDraft, locale: Locale): Proposal | null {
  const context = contextOf(draft);
  if (draft.startKind !== "template" || !context) return null;
  const selection = selectClauses(catalogue, context);
  const byId = new Map(catalogue.requirements.map((r) => [r.id, r]));
  return {
    suggestedLevel: suggestedLevel(context),
    regimes: selection.regimes,
    clauses: selection.clauses.map((c) => ({
      id: c.requirementId,
      title: byId.get(c.requirementId)!.title[locale],
      category: byId.get(c.requirementId)!.category,
      reasons: c.reasons.map((reason) => ({ reason, step: reasonStep(reason, draft) })),
    })),
  };
}

/** The first step up to `last` with an answer to fix, with those fields. */
function firstInvalid(steps: WizardStep[], last: WizardStep, draft: WizardDraft): { step: WizardStep; errors: CheckedField[] } | null {
  for (const step of steps.slice(0, steps.indexOf(last) + 1)) {
    const errors = invalidFields(step, draft);
    if (errors.length) return { step, errors };
  }
  return null;
}

function newNegotiationOf(draft: WizardDraft) {
  const start =
    draft.startKind === "empty"
      ? { kind: "empty" }
      : draft.startKind === "copy"
        ? { kind: "copy", fromNegotiationId: draft.copyFrom }
        : { kind: "template", context: contextOf(draft), level: draft.level || undefined, exclude: draft.exclude };
  return { title: draft.title, side: draft.side, ourOrg: draft.ourOrg, counterpartyOrg: draft.counterpartyOrg, start };
}

/**
 * One move of the wizard. Going back (or to an earlier step) checks nothing and keeps every
 * answer; going on checks every step up to the one left; creating checks them all and then the
 * whole negotiation with the API's schema. A wrong answer sends the user to its step.
 */
export function advance(catalogue: Catalogue, posted: PostedWizard, locale: Locale): WizardOutcome {
  const draft = { ...posted.draft };
  if (posted.include) {
    const included = new Set(posted.include);
    const proposed = proposalFor(catalogue, draft, locale)?.clauses.map((c) => c.id) ?? [];
    draft.exclude = proposed.filter((id) => !included.has(id));
  }
  const steps = stepsFor(draft.startKind);
  const current = steps.includes(posted.step) ? posted.step : steps[0]!;
  const index = steps.indexOf(current);
  const view = (step: WizardStep, errors: CheckedField[] = []): WizardView => ({
    step,
    draft,
    errors,
    proposal: step === "level" || step === "review" ? proposalFor(catalogue, draft, locale) : null,
  });

  if (posted.intent === "back") return { view: view(steps[Math.max(0, index - 1)]!) };
  if (posted.intent.startsWith("goto:")) {
    const target = steps.indexOf(posted.intent.slice("goto:".length) as WizardStep);
    return { view: view(target >= 0 && target < index ? steps[target]! : current) };
  }
  const last = posted.intent === "create" ? "review" : current;
  const invalid = firstInvalid(steps, last, draft);
  if (invalid) return { view: view(invalid.step, invalid.errors) };
  if (posted.intent !== "create") return { view: view(steps[Math.min(index + 1, steps.length - 1)]!) };
  // Every field passed its step's schema, which are the API schema's own parts.
  return { view: view("review"), create: newNegotiationSchema.parse(newNegotiationOf(draft)) };
}
