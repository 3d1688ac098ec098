import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { newThreadSchema } from "../../shared/threads";
import { createThread, readJson, requireApiMember, threadResponse, visibleThreads } from "../utils/threads.server";

/** GET /api/negotiations/:id/threads — the threads the caller may see, with their comments. */
export async function loader({ context, params }: LoaderFunctionArgs) {
  const actor = await requireApiMember(context, params.id ?? "");
  return json(await visibleThreads(context.services, params.id!, actor.role));
}

/** POST /api/negotiations/:id/threads — start a thread on a clause: {clauseId, visibility, body, anchor?, quote?}. */
export async function action({ request, context, params }: ActionFunctionArgs) {
  const actor = await requireApiMember(context, params.id ?? "");
  const input = await readJson(request, newThreadSchema);
  return threadResponse(request, context, () => createThread(context.services, params.id!, actor, input), 201);
}
