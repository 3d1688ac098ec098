import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { versionNameSchema } from "../../shared/agreements/snapshot";
import { apiResponse, listVersions, readJson, requireApiActor, saveVersion } from "../utils/agreements.server";

/** GET /api/negotiations/:id/versions — named and effective versions, newest first. */
export async function loader({ context, params }: LoaderFunctionArgs) {
  await requireApiActor(context, params.id ?? "");
  return json(await listVersions(context.services.db, params.id!));
}

/** POST /api/negotiations/:id/versions — {name}: save the schedule as it is now. Any member may. */
export async function action({ request, context, params }: ActionFunctionArgs) {
  const actor = await requireApiActor(context, params.id ?? "");
  const { name } = await readJson(request, versionNameSchema);
  return apiResponse(request, context, () => saveVersion(context.services, params.id!, actor.userId, name), 201);
}
