import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { RequirementView } from "../components/knowledge/RequirementView";
import { useT } from "../i18n";
import { getLocale } from "../utils/locale.server";
import { DomainError, refuse } from "../utils/respond.server";
import { localizeRequirement } from "../../shared/knowledge/localize";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.entry.title ?? ""} — Common Ground` }];

/** Public page for one requirement or certification. */
export function loader({ request, context, params }: LoaderFunctionArgs) {
  const catalogue = context.services.catalogue;
  const requirement = catalogue.requirements.find((r) => r.id === params.id);
  if (!requirement) refuse(request, context, new DomainError(404, "knowledge.error.notFound"), "page");
  return { entry: localizeRequirement(catalogue, requirement, getLocale(request, context)) };
}

export default function KnowledgeEntry() {
  const t = useT();
  const { entry } = useLoaderData<typeof loader>();
  return (
    <section className="knowledge narrow-wide">
      <p>
        <Link to="/knowledge">← {t("knowledge.title")}</Link>
      </p>
      <h1 className="visually-hidden">{entry.title}</h1>
      <RequirementView entry={entry} />
    </section>
  );
}
