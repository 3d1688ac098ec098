import { json, type ActionFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { markClauseRead } from "../utils/notifications.server";
import { readJson, requireApiMember } from "../utils/threads.server";
import { idSchema } from "../../shared/ids";

const readSchema = z.object({ clauseId: idSchema });

/**
 * POST /api/negotiations/:id/notifications/read — {clauseId}: the caller's notifications about that
 * clause's threads are read. The negotiation page calls it when it opens at a clause; a GET of
 * the page itself changes nothing.
 */
export async function action({ request, context, params }: ActionFunctionArgs) {
  const actor = await requireApiMember(context, params.id ?? "");
  const { clauseId } = await readJson(request, readSchema);
  await markClauseRead(context.services.db, actor.userId, params.id!, clauseId);
  return json({ ok: true });
}
