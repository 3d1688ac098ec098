import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { requireApiAuth } from "../utils/auth.server";
import { listNegotiationsForUser } from "../utils/negotiations.server";

/** GET /api/negotiations — the caller's negotiations as [{id, title, role}]. */
export async function loader({ context }: LoaderFunctionArgs) {
  const { user } = requireApiAuth(context);
  const negotiations = await listNegotiationsForUser(context.services.db, user.id);
  return json(negotiations.map(({ id, title, role }) => ({ id, title, role })));
}
