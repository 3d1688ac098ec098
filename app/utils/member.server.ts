import type { AppLoadContext, LoaderFunctionArgs } from "@remix-run/node";
import type { ValidSession } from "../../server/auth/sessions";
import { DomainError } from "../../server/errors";
import { findMember } from "../../server/negotiations/findMember";
import { getNegotiation } from "../../db/queries/negotiations";
import type { Member } from "../../shared/member";
import { refuse } from "./respond.server";

export type { Member };

/** Pages are sent to the login page or shown a page; the JSON API answers JSON. */
type GateOptions = { api: boolean };

/** The signed-in user: without a session a page redirects to the login page (and back), the API answers 401. */
export function requireUser(request: Request, context: AppLoadContext, options: GateOptions): ValidSession {
  if (context.auth) return context.auth;
  const url = new URL(request.url);
  return refuse(request, context, new DomainError(401, "error.loginRequired", { redirectTo: url.pathname + url.search }), options.api ? "api" : "page");
}

/**
 * The one gate of every negotiation route and API call (the socket upgrade uses the same
 * `findMember`): the signed-in user as a member of `params.id`. A non-member gets the same 404 as
 * a missing negotiation, so ids cannot be probed.
 */
export async function requireMember(request: Request, context: AppLoadContext, params: LoaderFunctionArgs["params"], options: GateOptions): Promise<Member> {
  const { user } = requireUser(request, context, options);
  const member = await findMember(context.services.db, params.id ?? "", user);
  return member ?? refuse(request, context, new DomainError(404, "error.notMember"), options.api ? "api" : "page");
}

/** The negotiation a member belongs to (it exists: memberships are deleted with it). */
export async function memberNegotiation(context: AppLoadContext, member: Member) {
  const negotiation = await getNegotiation(context.services.db, member.negotiationId);
  if (!negotiation) throw new Error(`member of missing negotiation ${member.negotiationId}`);
  return negotiation;
}
