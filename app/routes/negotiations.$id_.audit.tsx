import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { describeAuditEntry } from "../../shared/auditDescription";
import { useFormatDateTime, useLocale, useT } from "../i18n";
import { memberNegotiation, requireMember } from "../utils/member.server";
import { listAudit } from "../utils/agreements.server";

export const meta: MetaFunction = () => [{ title: "Audit log — Common Ground" }];

/** The append-only audit log, for every member to read. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const member = await requireMember(request, context, params, { api: false });
  const negotiation = await memberNegotiation(context, member);
  return { negotiation: { id: negotiation.id, title: negotiation.title }, entries: await listAudit(context.services.db, negotiation.id) };
}

export default function AuditPage() {
  const t = useT();
  const locale = useLocale();
  const formatTime = useFormatDateTime();
  const { negotiation, entries } = useLoaderData<typeof loader>();
  return (
    <section>
      <p>
        <Link to={`/negotiations/${negotiation.id}/agreement`}>← {t("agreement.page")}</Link>
      </p>
      <h1>{t("audit.title")}</h1>
      <p className="lead">{t("audit.intro")}</p>
      <p>
        <a href={`/negotiations/${negotiation.id}/audit.csv`} download>
          {t("audit.download")}
        </a>
      </p>
      {entries.length === 0 ? (
        <p className="hint">{t("audit.empty")}</p>
      ) : (
        <table className="data-table">
          <caption className="visually-hidden">{t("audit.title")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("audit.col.time")}</th>
              <th scope="col">{t("audit.col.member")}</th>
              <th scope="col">{t("audit.col.what")}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.id}>
                <td>{formatTime(e.at)}</td>
                <td data-label={t("audit.col.member")}>{e.userName ?? t("audit.system")}</td>
                <td data-label={t("audit.col.what")}>{describeAuditEntry(e, t, locale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
