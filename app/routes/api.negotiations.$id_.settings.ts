import type { ActionFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { settingsSchema } from "../../shared/proposals/proposals";
import { sessionSettingsSchema } from "../../shared/moderatedSessions/requests";
import { requireMember } from "../utils/member.server";
import { setChanges } from "../utils/proposals.server";
import { readJson } from "../utils/readJson.server";
import { apiResponse } from "../utils/respond.server";
import { setSessionModeration } from "../utils/sessions.server";

const anySetting = z.union([settingsSchema, sessionSettingsSchema]);

/**
 * POST /api/negotiations/:id/settings — one setting at a time (party owners): {changes: "together" |
 * "proposals"}, how the negotiation takes edits; or {sessionsByAdvisorsOnly}, who moderates sessions.
 */
export async function action({ request, context, params }: ActionFunctionArgs) {
  const member = await requireMember(request, context, params, { api: true });
  const setting = await readJson(request, context, anySetting);
  return apiResponse<object>(request, context, () =>
    "changes" in setting
      ? setChanges(context.services, member.negotiationId, member, setting.changes)
      : setSessionModeration(context.services, member.negotiationId, member, setting.sessionsByAdvisorsOnly),
  );
}
