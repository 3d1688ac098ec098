// What each clause's agreement state is, from the parties' latest decisions and the clause's
// current content hash. Pure, so the server (authority) and the browser (display) agree.
import type { Party } from "../roles";

export const decisions = ["agreed", "needs_change"] as const;
export type Decision = (typeof decisions)[number];

export interface PartyDecision {
  clauseId: string;
  party: Party;
  decision: Decision;
  hash: string;
  userId: string;
  userName: string;
  at: number;
  threadId: string | null;
  /** Why a change is needed, when asked for on the structure (a clause's reason is its thread). */
  reason: string | null;
}

export type ClauseStatus = "open" | "needs-change" | "agreed-by-buyer" | "agreed-by-supplier" | "agreed" | "changed" | "proposal-open";

export interface ClauseState {
  clauseId: string;
  status: ClauseStatus;
  buyer: PartyDecision | null;
  supplier: PartyDecision | null;
  /** Parties whose agreement no longer matches the text: "changed since agreed by …". */
  changedSinceAgreedBy: Party[];
}

/** The latest decision per clause and party, from an append-only list in any order. */
export function latestDecisions(all: PartyDecision[]): Map<string, Partial<Record<Party, PartyDecision>>> {
  const out = new Map<string, Partial<Record<Party, PartyDecision>>>();
  for (const d of all) {
    const entry = out.get(d.clauseId) ?? {};
    const current = entry[d.party];
    if (!current || d.at >= current.at) entry[d.party] = d;
    out.set(d.clauseId, entry);
  }
  return out;
}

/**
 * A clause with an open proposal (an insertion or deletion mark in it) waits for that proposal to
 * be decided before anything else: it cannot be agreed meanwhile, and sign-off counts it as open.
 */
export function clauseState(clauseId: string, hash: string, latest: Partial<Record<Party, PartyDecision>> | undefined, proposalOpen = false): ClauseState {
  const buyer = latest?.buyer ?? null;
  const supplier = latest?.supplier ?? null;
  const current = (d: PartyDecision | null) => !!d && d.hash === hash;
  const agreed = (d: PartyDecision | null) => current(d) && d!.decision === "agreed";
  const changedSinceAgreedBy = ([buyer, supplier] as const).flatMap((d) => (d && d.decision === "agreed" && d.hash !== hash ? [d.party] : []));
  let status: ClauseStatus;
  if (proposalOpen) status = "proposal-open";
  else if (agreed(buyer) && agreed(supplier)) status = "agreed";
  else if ([buyer, supplier].some((d) => current(d) && d!.decision === "needs_change")) status = "needs-change";
  else if (changedSinceAgreedBy.length > 0) status = "changed";
  else if (agreed(buyer)) status = "agreed-by-buyer";
  else if (agreed(supplier)) status = "agreed-by-supplier";
  else status = "open";
  return { clauseId, status, buyer, supplier, changedSinceAgreedBy };
}

export function scheduleStates(clauses: { id: string; hash: string; proposalOpen?: boolean }[], all: PartyDecision[]): ClauseState[] {
  const latest = latestDecisions(all);
  return clauses.map((c) => clauseState(c.id, c.hash, latest.get(c.id), c.proposalOpen));
}

/**
 * The clauses both parties' latest decision agrees to as their text stands (proposals aside: the
 * hash leaves them out), from every decision in the order made. Only proposals change these.
 */
export function agreedClauseIds(
  clauses: { id: string; hash: string }[],
  decisionsInOrder: { clauseId: string; party: Party; decision: string; hash: string }[],
): Set<string> {
  const latest = new Map<string, Partial<Record<Party, { decision: string; hash: string }>>>();
  for (const d of decisionsInOrder) latest.set(d.clauseId, { ...latest.get(d.clauseId), [d.party]: d });
  const agreed = new Set<string>();
  for (const { id, hash } of clauses) {
    const entry = latest.get(id);
    const ok = (d: { decision: string; hash: string } | undefined) => d?.decision === "agreed" && d.hash === hash;
    if (ok(entry?.buyer) && ok(entry?.supplier)) agreed.add(id);
  }
  return agreed;
}

/** "34 of 42 agreed": any list of units (clauses, the structure). */
export function progressOf(states: { status: ClauseStatus }[]): { agreed: number; total: number } {
  return { agreed: states.filter((s) => s.status === "agreed").length, total: states.length };
}

/** Whether a clause still waits for this party: anything but its own valid agreement. */
export function needsPartyAttention(state: ClauseState, party: Party): boolean {
  return state.status !== "agreed" && state.status !== `agreed-by-${party}`;
}
