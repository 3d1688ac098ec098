import { json, type ActionFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { markClauseRead } from "../utils/notifications.server";
import { readJson } from "../utils/threads.server";
import { requireMember } from "../utils/member.server";
import { idSchema } from "../../shared/idSchema";

const readSchema = z.object({ clauseId: idSchema });

/**
 * POST /api/negotiations/:id/notifications/read — {clauseId}: the caller's notifications about that
 * clause's threads are read. The negotiation page calls it when it opens at a clause; a GET of
 * the page itself changes nothing.
 */
export async function action({ request, context, params }: ActionFunctionArgs) {
  const member = await requireMember(request, context, params, { api: true });
  const { clauseId } = await readJson(request, context, readSchema);
  await markClauseRead(context.services.db, member.userId, member.negotiationId, clauseId);
  return json({ ok: true });
}
