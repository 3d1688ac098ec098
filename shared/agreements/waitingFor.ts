import type { ClauseState } from "./clauseStatus";
import type { Party } from "../roles";

export interface WaitingFor {
  /** Units the other party asked to change: theirs to explain, yours to answer. */
  changeRequested: number;
  /** Units your party has not (validly) agreed to yet, beside those. */
  yourAgreement: number;
  yourSignoff: boolean;
  theirAgreement: number;
  /** Changes your party asked for, open for the other party. */
  yourChangeRequests: number;
  theirSignoff: boolean;
}

const other = (party: Party): Party => (party === "buyer" ? "supplier" : "buyer");
// An agreement counts while it matches the text; a request for change while the unit shows it.
const agreedBy = (state: ClauseState, party: Party) => state[party]?.decision === "agreed" && !state.changedSinceAgreedBy.includes(party);
const askedForChange = (state: ClauseState, party: Party) => state.status === "needs-change" && state[party]?.decision === "needs_change";

/**
 * What is open for whom in a draft, as the dashboard's "waiting for you / waiting for them": every
 * unit counts once per side, and a unit with an open request for change only as that request. Sign-off is waiting once everything is agreed and a party has not signed
 * this very text in this round.
 */
export function waitingFor(states: ClauseState[], party: Party, signed: { party: Party; current: boolean }[]): WaitingFor {
  const them = other(party);
  const allAgreed = states.length > 1 && states.every((s) => s.status === "agreed");
  const hasSigned = (p: Party) => signed.some((s) => s.party === p && s.current);
  return {
    changeRequested: states.filter((s) => askedForChange(s, them)).length,
    yourAgreement: states.filter((s) => !agreedBy(s, party) && !askedForChange(s, them) && !askedForChange(s, party)).length,
    yourSignoff: allAgreed && !hasSigned(party),
    theirAgreement: states.filter((s) => !agreedBy(s, them) && !askedForChange(s, party) && !askedForChange(s, them)).length,
    yourChangeRequests: states.filter((s) => askedForChange(s, party)).length,
    theirSignoff: allAgreed && !hasSigned(them),
  };
}
