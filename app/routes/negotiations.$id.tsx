import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useT } from "../i18n";
import { requireAuth } from "../utils/auth.server";
import { listMembers, requireMembership } from "../utils/negotiations.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.negotiation.title ?? ""} — Common Ground` }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { user } = requireAuth(request, context);
  const { role, negotiation } = await requireMembership(context, params.id ?? "", user.id);
  const members = await listMembers(context.services.db, negotiation.id);
  return {
    role,
    negotiation: { id: negotiation.id, title: negotiation.title, buyerOrg: negotiation.buyer_org, supplierOrg: negotiation.supplier_org },
    members: members.map((m) => ({ userId: m.userId, name: m.name, role: m.role })),
  };
}

export default function NegotiationPage() {
  const { negotiation, role, members } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <section>
      <h1>{negotiation.title}</h1>
      <p>{t("negotiation.parties", { buyer: negotiation.buyerOrg, supplier: negotiation.supplierOrg })}</p>
      <p>
        <span className={`role-badge role-${role}`}>{t("negotiation.yourRole", { role: t(`role.${role}`) })}</span>
      </p>
      <h2>{t("negotiation.members")}</h2>
      <ul className="member-list">
        {members.map((m) => (
          <li key={m.userId}>
            {m.name} <span className={`role-badge role-${m.role}`}>{t(`role.${m.role}`)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
