import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { apiResponse, changesSince } from "../utils/agreements.server";
import { DomainError, refuse } from "../utils/respond.server";
import { requireMember } from "../utils/member.server";
import { idSchema } from "../../shared/idSchema";

const querySchema = z.object({ since: idSchema.optional() });

/**
 * GET /api/negotiations/:id/changes?since=<versionId> — the redline since a version (default: the
 * agreement in force): per clause, inserted and deleted text with the member who made each change.
 */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const member = await requireMember(request, context, params, { api: true });
  const parsed = querySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) refuse(request, context, new DomainError(400, "changes.error.badSince"), "api");
  return apiResponse(request, context, () => changesSince(context.services, member.negotiationId, parsed.data.since ?? null));
}
