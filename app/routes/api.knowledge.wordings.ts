import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { getLocale } from "../utils/locale.server";
import { requirementWordings } from "../../shared/knowledge/localize";

/** GET /api/knowledge/wordings — every requirement's level texts and where each falls short of the law (public, like /knowledge). */
export function loader({ request, context }: LoaderFunctionArgs) {
  return json(requirementWordings(context.services.catalogue, getLocale(request, context)), { headers: { "Cache-Control": "private, max-age=300" } });
}
