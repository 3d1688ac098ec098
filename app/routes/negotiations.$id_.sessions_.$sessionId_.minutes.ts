import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { attachmentDisposition } from "../../shared/contentDisposition";
import { getLocale } from "../utils/locale.server";
import { requireMember } from "../utils/member.server";
import { DomainError, pageData, refuse } from "../utils/respond.server";
import { exportMinutes } from "../utils/sessions.server";

// Markdown only in this slice: the PDF and DOCX exporters are built around the schedule (decision 032).
const querySchema = z.object({ format: z.literal("md"), revision: z.coerce.number().int().min(1).optional() });

/** GET /negotiations/:id/sessions/:sessionId/minutes?format=md[&revision=N] — published minutes (the latest revision) as a file. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const member = await requireMember(request, context, params, { api: false });
  const query = querySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) refuse(request, context, new DomainError(400, "export.error.badQuery"), "page");
  return pageData(request, context, async () => {
    const file = await exportMinutes(context.services, member, params.sessionId ?? "", { revision: query.data.revision, locale: getLocale(request, context) });
    return new Response(new Uint8Array(file.body), {
      headers: {
        "Content-Type": "text/markdown; charset=utf-8",
        "Content-Length": String(file.body.length),
        "Content-Disposition": attachmentDisposition(file.fileName),
        "Cache-Control": "private, no-store, no-transform",
      },
    });
  });
}
