import { z } from "zod";
import { criticalities, dataKinds, levels, rules, serviceTypes } from "./wizardChoices";

export { criticalities, dataKinds, levels, rules, serviceTypes };
export type { Criticality, DataKind, LevelName, Rule, ServiceType } from "./wizardChoices";

/**
 * The kinds of data the service touches: every kind that applies (confidential business data and
 * personal data often come together), or "none" alone. The API also takes one kind as a string.
 */
export const dataKindsSchema = z
  .union([z.enum(dataKinds).transform((kind) => [kind]), z.array(z.enum(dataKinds)).min(1).max(dataKinds.length)])
  .transform((kinds) => [...new Set(kinds)])
  .refine((kinds) => !kinds.includes("none") || kinds.length === 1, { message: '"none" cannot be combined with other kinds of data' });

/** What the wizard asks about the service; the API takes the same fields. */
export const serviceContextSchema = z.object({
  service: z.enum(serviceTypes),
  data: dataKindsSchema,
  criticality: z.enum(criticalities),
  rules: z.array(z.enum(rules)).max(rules.length).default([]),
});
export type ServiceContext = z.infer<typeof serviceContextSchema>;

const orgName = z.string().trim().min(1).max(200);

/** Everything needed to start a negotiation: the wizard's form and POST /api/negotiations alike. */
export const newNegotiationSchema = z.object({
  title: z.string().trim().min(3).max(200),
  side: z.enum(["buyer", "supplier"]),
  ourOrg: orgName,
  counterpartyOrg: orgName,
  start: z.discriminatedUnion("kind", [
    z.object({
      kind: z.literal("template"),
      context: serviceContextSchema,
      level: z.enum(levels).optional(),
      /** Requirement ids the creator unticked. */
      exclude: z.array(z.string().max(100)).max(500).default([]),
    }),
    z.object({ kind: z.literal("empty") }),
    z.object({ kind: z.literal("copy"), fromNegotiationId: z.string().regex(/^[a-z2-7]{1,64}$/) }),
  ]),
});
export type NewNegotiation = z.infer<typeof newNegotiationSchema>;
