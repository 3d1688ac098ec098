import { z } from "zod";
import { regimeIds } from "../../shared/templates/selectClauses";
import { levels } from "../../shared/templates/wizardAnswers";

export { listMembers, listNegotiationsForUser, setArchived } from "../../db/queries/negotiations";

const setupSchema = z.object({
  level: z.enum(levels).catch("standard"),
  regimes: z.array(z.enum(regimeIds)).catch([]),
});

/** The wizard's level and regimes; a negotiation started empty or as a copy has none. */
export function negotiationSetup(setupJson: string | null): z.infer<typeof setupSchema> {
  const fallback = { level: "standard" as const, regimes: [] };
  if (!setupJson) return fallback;
  try {
    return setupSchema.parse(JSON.parse(setupJson));
  } catch {
    return fallback;
  }
}
