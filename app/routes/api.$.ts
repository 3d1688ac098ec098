import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { apiResponse, DomainError } from "../utils/respond.server";

/**
 * Every /api/ address no API route claims. Without it the page splat (routes/$.tsx) would answer a
 * script with an HTML error page; an API caller gets the API's JSON refusal instead, for any method.
 */
function unknownEndpoint({ request, context }: LoaderFunctionArgs | ActionFunctionArgs): Promise<Response> {
  return apiResponse(request, context, async () => {
    throw new DomainError(404, "error.apiNotFound");
  });
}

export const loader = unknownEndpoint;
export const action = unknownEndpoint;
