import { z } from "zod";
import { newNegotiationSchema } from "../../../shared/templates/wizardAnswers";

/** The wizard's first step, the same fields for the import page and POST /api/negotiations/import. */
export const importBasicsSchema = newNegotiationSchema.pick({ title: true, side: true, ourOrg: true, counterpartyOrg: true });
export type ImportBasics = z.infer<typeof importBasicsSchema>;

/** Upload limit: Word files with a few images stay far below it. */
export const maxUploadBytes = 20 * 1024 * 1024;
