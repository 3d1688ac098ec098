import { z } from "zod";
import { regimeIds, type RegimeId } from "./selectClauses";
import { levels, serviceContextSchema, serviceTypes, type LevelName } from "./wizardAnswers";

const reasonSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("service"), service: z.enum(serviceTypes) }),
  z.object({ kind: z.literal("regime"), regime: z.enum(regimeIds), ref: z.string() }),
  z.object({ kind: z.literal("sector"), sector: z.enum(["health", "government"]) }),
]);

const chosenBar = { context: serviceContextSchema, level: z.enum(levels), regimes: z.array(z.enum(regimeIds)) };

/**
 * How a negotiation was started, kept in `negotiations.setup_json` so later views can say why each
 * clause is there. Checked when written and when read: the column is JSON, the database checks nothing.
 */
export const negotiationSetupSchema = z.discriminatedUnion("start", [
  z.object({ start: z.literal("template"), ...chosenBar, clauses: z.array(z.object({ requirementId: z.string(), reasons: z.array(reasonSchema) })) }),
  z.object({ start: z.literal("demo"), ...chosenBar }),
  z.object({ start: z.literal("empty") }),
  z.object({ start: z.literal("copy") }),
  z.object({ start: z.literal("word") }),
]);
export type NegotiationSetup = z.infer<typeof negotiationSetupSchema>;

export interface ChosenBar {
  level: LevelName;
  regimes: RegimeId[];
}

/** The level and regimes the wizard chose; a negotiation started empty or as a copy has none. */
export function negotiationSetup(setupJson: string | null): ChosenBar {
  const fallback: ChosenBar = { level: "standard", regimes: [] };
  if (!setupJson) return fallback;
  let json: unknown;
  try {
    json = JSON.parse(setupJson);
  } catch {
    return fallback;
  }
  const parsed = negotiationSetupSchema.safeParse(json);
  if (!parsed.success || !("level" in parsed.data)) return fallback;
  return { level: parsed.data.level, regimes: parsed.data.regimes };
}
