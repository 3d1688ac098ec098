import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { CATEGORIES } from "../../shared/knowledge/categories";
import { getLocale } from "../utils/locale.server";
import { DomainError, refuse } from "../utils/respond.server";
import { searchCatalogue } from "../../shared/knowledge/searchCatalogue";

const querySchema = z.object({
  q: z.string().max(200).default(""),
  category: z.union([z.enum(CATEGORIES), z.literal("")]).default(""),
});

/**
 * GET /api/knowledge?q=…&category=… — matching entries (both languages searched), titled in the
 * caller's language: up to 20 for a search, a whole category when one is given.
 */
export function loader({ request, context }: LoaderFunctionArgs) {
  const locale = getLocale(request, context);
  const parsed = querySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) refuse(request, context, new DomainError(400, "knowledge.error.badQuery"), "api");
  const { q, category } = parsed.data;
  const matching = searchCatalogue(context.services.catalogue, q);
  const found = category ? matching.filter((r) => r.category === category) : matching.slice(0, 20);
  return json(found.map((r) => ({ id: r.id, title: r.title[locale], kind: r.kind })));
}
