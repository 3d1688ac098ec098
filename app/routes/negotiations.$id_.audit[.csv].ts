import type { LoaderFunctionArgs } from "@remix-run/node";
import { describeAuditEntry } from "../../shared/auditDescription";
import { translate } from "../../shared/i18n/index";
import { requireAuth } from "../utils/auth.server";
import { getLocale } from "../utils/locale.server";
import { requireMembership } from "../utils/negotiations.server";
import { auditCsv, listAudit } from "../utils/agreements.server";

/** GET /negotiations/:id/audit.csv — the whole audit log, for members only. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { user } = requireAuth(request, context);
  const { negotiation } = await requireMembership(context, params.id ?? "", user.id);
  const locale = getLocale(request, context);
  const csv = auditCsv(await listAudit(context.services.db, negotiation.id), (row) => describeAuditEntry(row, (key, p) => translate(locale, key, p)));
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="audit-${negotiation.id}.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
}
