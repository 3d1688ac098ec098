import type { AppLoadContext } from "@remix-run/node";
import type { ZodType, z } from "zod";
import { DomainError, refuse } from "./respond.server";

/** Reads and validates a JSON body; a 400 that names the fields when it does not fit. */
export async function readJson<S extends ZodType>(request: Request, context: AppLoadContext, schema: S): Promise<z.infer<S>> {
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    refuse(request, context, new DomainError(400, "error.bodyNotJson"), "api");
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
    refuse(request, context, new DomainError(400, "error.invalidBody", { issues }), "api");
  }
  return parsed.data;
}
