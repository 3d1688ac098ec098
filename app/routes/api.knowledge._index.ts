import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { getLocale } from "../utils/locale.server";
import { searchCatalogue } from "../utils/knowledge.server";

/** GET /api/knowledge?q=… — up to 20 matching entries (both languages searched), titled in the caller's language. */
export function loader({ request, context }: LoaderFunctionArgs) {
  const locale = getLocale(request, context);
  const q = (new URL(request.url).searchParams.get("q") ?? "").slice(0, 200);
  const found = searchCatalogue(context.services.catalogue, q).slice(0, 20);
  return json(found.map((r) => ({ id: r.id, title: r.title[locale], kind: r.kind })));
}
