import type { AppLoadContext } from "@remix-run/node";
import { policyState } from "../../server/authorize";
import type { Member } from "../../shared/member";
import { presentPolicies, type Policies } from "../../shared/policy";

/**
 * The policy's answers for this member now, for a loader to send so the page never restates a rule.
 * A page that offers sign-off passes the schedule's current hash, so "already signed" counts.
 */
export async function loadPolicies(context: AppLoadContext, member: Member, currentHash?: string): Promise<Policies> {
  return presentPolicies(member, await policyState(context.services.db, member.negotiationId, currentHash));
}
