import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { exportFormats } from "../../shared/agreements/exportFormats";
import { exportVersion } from "../utils/agreements.server";
import { fileResponse } from "../utils/fileResponse.server";
import { getLocale } from "../utils/locale.server";
import { requireMember } from "../utils/member.server";
import { DomainError, pageData, refuse } from "../utils/respond.server";
import { idSchema } from "../../shared/idSchema";

const querySchema = z
  .object({ format: z.enum(exportFormats), threads: z.enum(["0", "1"]).default("0"), since: idSchema.optional() })
  // Tracked changes are Word's: a redline comes as a DOCX only.
  .refine((q) => q.since === undefined || q.format === "docx");
const versionId = z.union([z.literal("current"), idSchema]);

/**
 * GET /negotiations/:id/versions/:versionId/export?format=docx|pdf|md&threads=1 — a version (or
 * "current") as a file: numbered clauses, status per clause, parties and sign-offs, and with
 * threads=1 an annex of the shared (never internal) comment threads. On "current" with
 * format=docx, since=<version id> makes the redline since that version Word tracked changes.
 */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const member = await requireMember(request, context, params, { api: false });
  const query = querySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  const version = versionId.safeParse(params.versionId);
  // A redline runs up to the current draft.
  if (!query.success || !version.success || (query.data.since !== undefined && version.data !== "current"))
    refuse(request, context, new DomainError(400, "export.error.badQuery"), "page");
  return pageData(request, context, async () => {
    const file = await exportVersion(context.services, member.negotiationId, member.userId, {
      versionId: version.data,
      format: query.data.format,
      withThreads: query.data.threads === "1",
      locale: getLocale(request, context),
      since: query.data.since,
    });
    return fileResponse(file);
  });
}
