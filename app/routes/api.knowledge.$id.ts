import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { getLocale } from "../utils/locale.server";
import { localizeRequirement } from "../../shared/knowledge/localize";

/** GET /api/knowledge/:id — one catalogue entry in the caller's language (public, like /knowledge). */
export function loader({ request, context, params }: LoaderFunctionArgs) {
  const catalogue = context.services.catalogue;
  const requirement = catalogue.requirements.find((r) => r.id === params.id);
  if (!requirement) return json({ error: "No such requirement." }, { status: 404 });
  return json(localizeRequirement(catalogue, requirement, getLocale(request, context)), { headers: { "Cache-Control": "private, max-age=300" } });
}
