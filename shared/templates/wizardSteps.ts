import { z } from "zod";
import type { Reason, RegimeId } from "./selectClauses";
import { criticalities, dataKinds, dataKindsSchema, levels, newNegotiationSchema, rules, serviceTypes, type LevelName, type Rule } from "./wizardAnswers";

export const wizardSteps = ["service", "data", "criticality", "regimes", "level", "review"] as const;
export type WizardStep = (typeof wizardSteps)[number];

export const startKinds = ["template", "empty", "copy"] as const;

/** A schedule from the knowledge base needs every answer; an empty one or a copy only the basics before review. */
export function stepsFor(startKind: string): WizardStep[] {
  return startKind === "empty" || startKind === "copy" ? ["service", "review"] : [...wizardSteps];
}

const typed = z.string().max(1000).default("");
const ids = (max: number) => z.array(z.string().max(100)).max(max).default([]);

/**
 * The answers while the wizard is in progress, as they travel in the form: bounded strings, not
 * yet checked for meaning, so a half-finished or mistyped answer survives going back and forward.
 */
export const wizardDraftSchema = z.object({
  title: typed,
  side: typed,
  ourOrg: typed,
  counterpartyOrg: typed,
  startKind: typed,
  copyFrom: typed,
  service: typed,
  data: ids(dataKinds.length + 5),
  criticality: typed,
  rules: ids(rules.length + 5),
  level: typed,
  exclude: ids(500),
});
export type WizardDraft = z.infer<typeof wizardDraftSchema>;
export type WizardField = keyof WizardDraft;

export const firstDraft: WizardDraft = {
  title: "",
  side: "buyer",
  ourOrg: "",
  counterpartyOrg: "",
  startKind: "template",
  copyFrom: "",
  service: "saas",
  data: ["internal"],
  criticality: "important",
  rules: [],
  level: "",
  exclude: [],
};

const shape = newNegotiationSchema.shape;

/** What each answer must be once its step is left; the same rules POST /api/negotiations applies. */
const fieldSchemas = {
  title: shape.title,
  side: shape.side,
  ourOrg: shape.ourOrg,
  counterpartyOrg: shape.counterpartyOrg,
  startKind: z.enum(startKinds),
  service: z.enum(serviceTypes),
  data: dataKindsSchema,
  criticality: z.enum(criticalities),
  rules: z.array(z.enum(rules)).max(rules.length),
  level: z.enum(levels),
  copyFrom: z.string().regex(/^[a-z2-7]{1,64}$/),
} satisfies Partial<Record<WizardField, z.ZodType>>;

export type CheckedField = keyof typeof fieldSchemas;

/** The answers each step must have (the type of service only matters for a schedule that fits it; a copy's source is chosen on the review step). */
export function fieldsOf(step: WizardStep, startKind: string): CheckedField[] {
  switch (step) {
    case "service":
      return ["title", "side", "ourOrg", "counterpartyOrg", "startKind", ...(startKind === "template" ? (["service"] as const) : [])];
    case "data":
      return ["data"];
    case "criticality":
      return ["criticality"];
    case "regimes":
      return ["rules"];
    case "level":
      return ["level"];
    case "review":
      return startKind === "copy" ? ["copyFrom"] : [];
  }
}

/** The fields a step's form shows (every other answer travels hidden): the first always asks for the service, the review holds the unticked clauses. */
export function fieldsShownOn(step: WizardStep, startKind: string): WizardField[] {
  if (step === "service") return fieldsOf("service", "template");
  if (step === "review" && startKind === "template") return ["exclude"];
  return fieldsOf(step, startKind);
}

/** The fields of a step whose answers are not acceptable. */
export function invalidFields(step: WizardStep, draft: WizardDraft): CheckedField[] {
  return fieldsOf(step, draft.startKind).filter((field) => !fieldSchemas[field].safeParse(draft[field]).success);
}

/** Personal data makes the supplier a processor: GDPR applies whatever else was ticked. */
export function impliedRules(data: string[]): Rule[] {
  return data.includes("personal") || data.includes("special") ? ["gdpr"] : [];
}

export interface ProposedClause {
  id: string;
  title: string;
  category: string;
  /** Each reason with the step whose answer brought the clause in. */
  reasons: { reason: Reason; step: WizardStep }[];
}

export interface Proposal {
  suggestedLevel: LevelName;
  regimes: RegimeId[];
  clauses: ProposedClause[];
}

/** What the page shows next: the step, the answers (kept as typed), the fields to fix, and from the level step on the proposal. */
export type WizardView = {
  step: WizardStep;
  draft: WizardDraft;
  errors: CheckedField[];
  proposal: Proposal | null;
};
