import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { getLocale } from "../utils/locale.server";
import { DomainError, refuse } from "../utils/respond.server";
import { localizeRequirement } from "../../shared/knowledge/localize";

/** GET /api/knowledge/:id — one catalogue entry in the caller's language (public, like /knowledge). */
export function loader({ request, context, params }: LoaderFunctionArgs) {
  const catalogue = context.services.catalogue;
  const requirement = catalogue.requirements.find((r) => r.id === params.id);
  if (!requirement) refuse(request, context, new DomainError(404, "knowledge.error.notFound"), "api");
  return json(localizeRequirement(catalogue, requirement, getLocale(request, context)), { headers: { "Cache-Control": "private, max-age=300" } });
}
