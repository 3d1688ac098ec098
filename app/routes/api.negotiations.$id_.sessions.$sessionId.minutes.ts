import type { LoaderFunctionArgs } from "@remix-run/node";
import { minutesQuerySchema } from "../../shared/moderatedSessions/requests";
import { fileResponse } from "../utils/fileResponse.server";
import { getLocale } from "../utils/locale.server";
import { requireMember } from "../utils/member.server";
import { apiResponse, DomainError, refuse } from "../utils/respond.server";
import { exportMinutes } from "../utils/sessions.server";

/**
 * GET /api/negotiations/:id/sessions/:sessionId/minutes?format=md|docx|pdf[&revision=N] — the
 * published minutes as a file, as on the session page; a refusal is JSON like every API answer.
 */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const member = await requireMember(request, context, params, { api: true });
  const query = minutesQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) refuse(request, context, new DomainError(400, "sessions.error.badMinutesQuery"), "api");
  // apiResponse passes a Response through as it is: here the file, not JSON.
  return apiResponse(request, context, async () =>
    fileResponse(await exportMinutes(context.services, member, params.sessionId ?? "", { ...query.data, locale: getLocale(request, context) })),
  );
}
