import type { LoaderFunctionArgs } from "@remix-run/node";
import { minutesQuerySchema } from "../../shared/moderatedSessions/requests";
import { fileResponse } from "../utils/fileResponse.server";
import { getLocale } from "../utils/locale.server";
import { requireMember } from "../utils/member.server";
import { DomainError, pageData, refuse } from "../utils/respond.server";
import { exportMinutes } from "../utils/sessions.server";

/** GET /negotiations/:id/sessions/:sessionId/minutes?format=md|docx|pdf[&revision=N] — published minutes (the latest revision) as a file. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const member = await requireMember(request, context, params, { api: false });
  const query = minutesQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) refuse(request, context, new DomainError(400, "sessions.error.badMinutesQuery"), "page");
  return pageData(request, context, async () =>
    fileResponse(await exportMinutes(context.services, member, params.sessionId ?? "", { ...query.data, locale: getLocale(request, context) })),
  );
}
