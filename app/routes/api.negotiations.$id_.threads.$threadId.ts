import type { ActionFunctionArgs } from "@remix-run/node";
import { threadActionSchema } from "../../shared/threads";
import { actOnThread, readJson, requireApiMember, threadResponse } from "../utils/threads.server";

/** POST /api/negotiations/:id/threads/:threadId — {action: "reply", body} | "resolve" | "reopen" | {action: "reattach", clauseId}. */
export async function action({ request, context, params }: ActionFunctionArgs) {
  const actor = await requireApiMember(context, params.id ?? "");
  const input = await readJson(request, threadActionSchema);
  return threadResponse(request, context, () => actOnThread(context.services, params.id!, params.threadId ?? "", actor, input));
}
