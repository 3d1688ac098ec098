import { json, type AppLoadContext } from "@remix-run/node";
import { NegotiationError } from "../../server/negotiations/negotiationError";
import { translate } from "../../shared/i18n/index";
import { getLocale } from "./locale.server";

/** Runs a mutation and answers with its result, or with the refusal in the user's language. */
export async function apiResponse<T>(request: Request, context: AppLoadContext, run: () => Promise<T>, status = 200) {
  try {
    return json(await run(), { status });
  } catch (error) {
    if (error instanceof NegotiationError) {
      return json(
        { error: translate(getLocale(request, context), error.messageKey), code: error.messageKey, ...error.details },
        { status: error.status },
      );
    }
    throw error;
  }
}
