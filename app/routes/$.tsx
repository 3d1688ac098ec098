import type { LoaderFunctionArgs } from "@remix-run/node";
import { DomainError, refuse } from "../utils/respond.server";

/**
 * Every address no other route claims. Without this route Remix answers an unknown URL before the
 * root loader runs, so the error page had no language and no signed-in user; matching here lets the
 * root loader run and the root ErrorBoundary show a translated 404 inside the normal header.
 */
export function loader({ request, context }: LoaderFunctionArgs): never {
  refuse(request, context, new DomainError(404, "error.notFound"), "page");
}

export default function NotFound() {
  return null;
}
