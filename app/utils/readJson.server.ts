import { json } from "@remix-run/node";
import type { ZodType, z } from "zod";

/** Reads and validates a JSON body; a 400 that names the fields when it does not fit. */
export async function readJson<S extends ZodType>(request: Request, schema: S): Promise<z.infer<S>> {
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    throw json({ error: "The body must be JSON (Content-Type: application/json)." }, { status: 400 });
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
    throw json({ error: "Invalid request: see issues.", issues }, { status: 400 });
  }
  return parsed.data;
}
