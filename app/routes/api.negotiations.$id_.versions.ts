import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { versionNameSchema } from "../../shared/agreements/snapshot";
import { apiResponse, listVersions, readJson, saveVersion } from "../utils/agreements.server";
import { requireMember } from "../utils/member.server";

/** GET /api/negotiations/:id/versions — named and effective versions, newest first. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const member = await requireMember(request, context, params, { api: true });
  return json(await listVersions(context.services.db, member.negotiationId));
}

/** POST /api/negotiations/:id/versions — {name}: save the schedule as it is now. Observers may not (the policy's saveVersion). */
export async function action({ request, context, params }: ActionFunctionArgs) {
  const member = await requireMember(request, context, params, { api: true });
  const { name } = await readJson(request, context, versionNameSchema);
  return apiResponse(request, context, () => saveVersion(context.services, member.negotiationId, member, name), 201);
}
