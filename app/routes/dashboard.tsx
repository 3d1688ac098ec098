import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { counterparty } from "../../shared/roles";
import { useFormatDateTime, useT } from "../i18n";
import { requireAuth } from "../utils/auth.server";
import { listNegotiationsForUser } from "../utils/negotiations.server";

export const meta: MetaFunction = () => [{ title: "Dashboard — Common Ground" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user } = requireAuth(request, context);
  const negotiations = await listNegotiationsForUser(context.services.db, user.id);
  return { negotiations };
}

export default function Dashboard() {
  const { negotiations } = useLoaderData<typeof loader>();
  const t = useT();
  const formatDateTime = useFormatDateTime();
  return (
    <section>
      <h1>{t("dashboard.title")}</h1>
      {negotiations.length === 0 ? (
        <p>{t("dashboard.empty")}</p>
      ) : (
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t("dashboard.col.title")}</th>
              <th scope="col">{t("dashboard.col.role")}</th>
              <th scope="col">{t("dashboard.col.counterparty")}</th>
              <th scope="col">{t("dashboard.col.lastActivity")}</th>
            </tr>
          </thead>
          <tbody>
            {negotiations.map((n) => (
              <tr key={n.id}>
                <td>
                  <Link to={`/negotiations/${n.id}`}>{n.title}</Link>
                </td>
                <td>
                  <span className={`role-badge role-${n.role}`}>{t(`role.${n.role}`)}</span>
                </td>
                <td>{counterparty(n.role, n)}</td>
                <td>{formatDateTime(n.lastActivityAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
