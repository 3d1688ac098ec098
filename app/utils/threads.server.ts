import type { AppLoadContext } from "@remix-run/node";
import { apiResponse } from "./respond.server";

export { actOnComment, actOnThread, createThread, discussProposal, visibleThreads } from "../../server/threads/threads";
export { readJson } from "./readJson.server";

/** Runs a thread mutation and answers with the changed thread, or the refusal in the user's language. */
export function threadResponse(request: Request, context: AppLoadContext, run: () => Promise<unknown>, status = 200) {
  return apiResponse(request, context, async () => ({ thread: await run() }), status);
}
