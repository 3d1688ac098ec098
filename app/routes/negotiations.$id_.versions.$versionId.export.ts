import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { exportFormats } from "../../shared/agreements/exportFormats";
import { exportVersion } from "../utils/agreements.server";
import { requireAuth } from "../utils/auth.server";
import { getLocale } from "../utils/locale.server";
import { requireMembership } from "../utils/negotiations.server";
import { NegotiationError } from "../utils/negotiationForms.server";
import { idSchema } from "../../shared/ids";

const querySchema = z.object({ format: z.enum(exportFormats), threads: z.enum(["0", "1"]).default("0") });
const versionId = z.union([z.literal("current"), idSchema]);

/**
 * GET /negotiations/:id/versions/:versionId/export?format=docx|pdf|md&threads=1 — a version (or
 * "current") as a file: numbered clauses, status per clause, parties and sign-offs, and with
 * threads=1 an annex of the shared (never internal) comment threads.
 */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { user } = requireAuth(request, context);
  const { negotiation } = await requireMembership(context, params.id ?? "", user.id);
  const query = querySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  const version = versionId.safeParse(params.versionId);
  if (!query.success || !version.success) {
    return new Response("Use ?format=docx, pdf or md (and threads=1 for the annex) on a version id or 'current'.", { status: 400 });
  }
  try {
    const file = await exportVersion(context.services, negotiation.id, user.id, {
      versionId: version.data,
      format: query.data.format,
      withThreads: query.data.threads === "1",
      locale: getLocale(request, context),
    });
    return new Response(new Uint8Array(file.body), {
      headers: {
        "Content-Type": file.contentType,
        "Content-Length": String(file.body.length),
        "Content-Disposition": `attachment; filename="${file.fileName}"`,
        // no-transform: no gzip on the way, so Content-Length stays and the browser can show progress.
        "Cache-Control": "private, no-store, no-transform",
      },
    });
  } catch (error) {
    if (error instanceof NegotiationError) return new Response("No such version in this negotiation.", { status: 404 });
    throw error;
  }
}
