import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useT, type MessageKey } from "../i18n";
import { getLocale } from "../utils/locale.server";
import { searchCatalogue } from "../../shared/knowledge/searchCatalogue";

export const meta: MetaFunction = () => [{ title: "Knowledge base — Common Ground" }];

/** Public: advisors share these pages with people who have no account. */
export function loader({ request, context }: LoaderFunctionArgs) {
  const locale = getLocale(request, context);
  const q = (new URL(request.url).searchParams.get("q") ?? "").slice(0, 200);
  const found = searchCatalogue(context.services.catalogue, q);
  const categories = new Map<string, { id: string; title: string; summary: string; kind: string }[]>();
  for (const r of found) {
    const list = categories.get(r.category) ?? [];
    list.push({ id: r.id, title: r.title[locale], summary: r.summary[locale], kind: r.kind });
    categories.set(r.category, list);
  }
  return { q, count: found.length, categories: [...categories].map(([category, entries]) => ({ category, entries })) };
}

export default function KnowledgeIndex() {
  const t = useT();
  const { q, count, categories } = useLoaderData<typeof loader>();
  return (
    <section className="knowledge">
      <h1>{t("knowledge.title")}</h1>
      <p className="lead">{t("knowledge.intro")}</p>
      <Form method="get" role="search" className="knowledge-search">
        <label htmlFor="knowledge-q">{t("knowledge.search")}</label>
        <input id="knowledge-q" name="q" type="search" defaultValue={q} />
        <button type="submit">{t("knowledge.searchSubmit")}</button>
      </Form>
      {q && <p role="status">{t("knowledge.results", { count, q })}</p>}
      {categories.map(({ category, entries }) => (
        <section key={category} aria-labelledby={`cat-${category}`}>
          <h2 id={`cat-${category}`}>{t(`category.${category}` as MessageKey)}</h2>
          <ul className="knowledge-list">
            {entries.map((e) => (
              <li key={e.id}>
                <Link to={`/knowledge/${e.id}`}>{e.title}</Link>
                {e.kind === "certification" && <span className="owner-badge"> {t("knowledge.certification")}</span>} — {e.summary}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </section>
  );
}
