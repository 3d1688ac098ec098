import { json, type AppLoadContext } from "@remix-run/node";
import { DomainError, toResponse } from "../../server/errors";
import { getLocale } from "./locale.server";

export { DomainError };

/**
 * Where refusals become responses, so no route catches one by hand. Each runs a route's work; a
 * DomainError becomes what `toResponse` makes of it, anything else stays a server error.
 */
async function refusing<T>(
  request: Request,
  context: AppLoadContext,
  mode: "page" | "api",
  run: () => Promise<T>,
  keep?: Record<string, unknown>,
): Promise<T | Response> {
  try {
    return await run();
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    const refusal = keep ? new DomainError(error.status, error.messageKey, { ...keep, ...error.details }, error.params) : error;
    return toResponse(refusal, getLocale(request, context), mode);
  }
}

/** JSON API: the result as JSON, or the refusal as JSON `{ error, code, ...details }`. */
export async function apiResponse<T>(request: Request, context: AppLoadContext, run: () => Promise<T>, status = 200): Promise<Response> {
  const result = await refusing(request, context, "api", run);
  return result instanceof Response ? result : json(result, { status });
}

/** A page's loader: the data, or the refusal thrown for the route's ErrorBoundary to show. */
export async function pageData<T>(request: Request, context: AppLoadContext, run: () => Promise<T>): Promise<T> {
  const result = await refusing(request, context, "page", run);
  if (result instanceof Response) throw result;
  return result;
}

/**
 * A page's form action: the result, or the refusal returned for the form to show next to it;
 * `keep` goes along with a refusal, e.g. what was typed, so the form can show it again.
 */
export async function pageAction<T>(request: Request, context: AppLoadContext, run: () => Promise<T>, keep?: Record<string, unknown>): Promise<T | Response> {
  return refusing(request, context, "page", run, keep);
}

/** A refusal decided in a route itself, e.g. a query parameter that is not valid. */
export function refuse(request: Request, context: AppLoadContext, error: DomainError, mode: "page" | "api"): never {
  throw toResponse(error, getLocale(request, context), mode);
}
