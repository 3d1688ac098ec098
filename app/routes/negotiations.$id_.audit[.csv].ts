import type { LoaderFunctionArgs } from "@remix-run/node";
import { describeAuditEntry } from "../../shared/auditDescription";
import { translate } from "../../shared/i18n/index";
import { getLocale } from "../utils/locale.server";
import { requireMember } from "../utils/member.server";
import { auditCsv, listAudit } from "../utils/agreements.server";

/** GET /negotiations/:id/audit.csv — the whole audit log, for members only. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { negotiationId } = await requireMember(request, context, params, { api: false });
  const locale = getLocale(request, context);
  const csv = auditCsv(await listAudit(context.services.db, negotiationId), (row) => describeAuditEntry(row, (key, p) => translate(locale, key, p), locale));
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="audit-${negotiationId}.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
}
