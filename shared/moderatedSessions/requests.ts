// What the sessions API accepts (README, "JSON API"); server and routes only: it imports zod.
import { z } from "zod";
import { exportFormats } from "../agreements/exportFormats";
import { idSchema } from "../idSchema";
import { maxActionLength, maxAgendaItems, maxDecisionLength, maxTimeBoxMinutes, maxTopicLength, outcomes } from "./sessions";

const calendarDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const moment = z.string().datetime({ offset: true });
const timeBox = z.number().int().min(1).max(maxTimeBoxMinutes).nullable().optional();

const agendaItem = z.discriminatedUnion("kind", [
  z.object({ id: idSchema.optional(), kind: z.literal("clause"), clauseId: idSchema, timeBoxMinutes: timeBox }).strict(),
  z.object({ id: idSchema.optional(), kind: z.literal("topic"), title: z.string().trim().min(1).max(maxTopicLength), timeBoxMinutes: timeBox }).strict(),
]);
const agenda = z.array(agendaItem).max(maxAgendaItems);

export const planSessionSchema = z.object({ plannedAt: moment, moderatorId: idSchema.optional(), agenda: agenda.default([]) }).strict();

const actionInput = z
  .object({ assigneeId: idSchema, what: z.string().trim().min(1).max(maxActionLength), dueDate: calendarDay.nullable().optional() })
  .strict();

export const sessionCommandSchema = z.discriminatedUnion("action", [
  z.object({ action: z.literal("agenda"), agenda }).strict(),
  z.object({ action: z.literal("start") }).strict(),
  z.object({ action: z.literal("goto"), itemId: idSchema }).strict(),
  z.object({ action: z.literal("next") }).strict(),
  z
    .object({
      action: z.literal("record"),
      itemId: idSchema,
      outcome: z.enum(outcomes),
      decision: z.string().trim().max(maxDecisionLength).default(""),
      actions: z.array(actionInput).max(20).default([]),
    })
    .strict(),
  z.object({ action: z.literal("end"), present: z.array(idSchema).max(200) }).strict(),
  z.object({ action: z.literal("handover"), to: idSchema }).strict(),
  z.object({ action: z.literal("takeover") }).strict(),
  z
    .object({
      action: z.literal("correct"),
      itemId: idSchema,
      outcome: z.enum(outcomes),
      decision: z.string().trim().max(maxDecisionLength),
      note: z.string().trim().min(1).max(maxActionLength),
    })
    .strict(),
]);
export type SessionCommand = z.infer<typeof sessionCommandSchema>;

export const actionDoneSchema = z.object({ done: z.boolean() }).strict();

export const sessionSettingsSchema = z.object({ sessionsByAdvisorsOnly: z.boolean() }).strict();

/** `?format=md|docx|pdf[&revision=N]` on a session's minutes, on the page's address and the API's alike. */
export const minutesQuerySchema = z.object({ format: z.enum(exportFormats), revision: z.coerce.number().int().min(1).optional() });
