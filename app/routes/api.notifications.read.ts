import { json, type ActionFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { requireUser } from "../utils/member.server";
import { markRead } from "../utils/notifications.server";
import { readJson } from "../utils/readJson.server";

const readSchema = z.object({ ids: z.array(z.number().int().positive()).max(500).optional() }).strict();

/** POST /api/notifications/read — {ids?}: those of the caller's notifications are read; without ids, all. */
export async function action({ request, context }: ActionFunctionArgs) {
  const { user } = requireUser(request, context, { api: true });
  const { ids } = await readJson(request, context, readSchema);
  await markRead(context.services.db, user.id, ids);
  return json({ ok: true });
}
