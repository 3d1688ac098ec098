import { idSchema } from "../../shared/idSchema";

/**
 * Where a link (a notification's) opens the negotiation page: ?clause=…, and ?thread=… in it.
 * In a .server file so that the page's browser code never reaches zod.
 */
export function openAt(request: Request): { openClause: string | null; openThread: string | null } {
  const search = new URL(request.url).searchParams;
  const openClause = idSchema.safeParse(search.get("clause")).data ?? null;
  const openThread = openClause ? (idSchema.safeParse(search.get("thread")).data ?? null) : null;
  return { openClause, openThread };
}
