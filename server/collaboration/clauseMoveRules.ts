// What a move proposal may be (decision 031), judged on the clauses' places before and after a
// transaction that changed nothing else: a clause at a new place carries a new `moved` id of the
// sender with the place it stood (as the server's copy had it), or the move proposal it already
// carried; where the sender may only propose, nothing else changes place. A move proposal is
// taken off by its author only by moving the clause back to where it stood (an undo does that).
import { encodePlace, placeOf } from "../../shared/proposals/clauseMove";
import { onlyPlacesDiffer, outlineOf, type ClausePlaces, type PlacedClause } from "./clausePlaces";
import type { NewProposal, ProposalOwner, ProposalRules } from "./proposalGuard";

export type MovesVerdict = { problem: null; proposals: NewProposal[] } | { problem: string; mixed: boolean };

export function movesProblem(
  before: ClausePlaces,
  after: ClausePlaces,
  rules: ProposalRules,
  isOwn: (id: string | null) => boolean,
  ownerOf: (id: string) => ProposalOwner | undefined,
): MovesVerdict {
  if (!onlyPlacesDiffer(before, after)) return { problem: "a clause moves only as it is", mixed: true };
  const refuse = (problem: string): MovesVerdict => ({ problem, mixed: false });
  const was = new Map<string, PlacedClause>();
  for (const section of before.sections) for (const c of section.clauses) was.set(c.id, c);
  const strict = (clauseId: string) => rules.proposeOnly || rules.protectedClauses.has(clauseId);
  const outlineBefore = outlineOf(before);
  const outlineAfter = outlineOf(after);
  const proposals: NewProposal[] = [];
  for (const section of after.sections)
    for (const clause of section.clauses) {
      const old = was.get(clause.id)!;
      if (clause.moved === old.moved) {
        if (clause.movedFrom !== old.movedFrom) return refuse("a move proposal keeps the place it records");
        continue;
      }
      if (clause.moved === null) {
        const back = placeOf(outlineAfter, clause.id);
        if (strict(clause.id) && !(isOwn(old.moved) && back && encodePlace(back) === old.movedFrom))
          return refuse("a move proposal is accepted or rejected, not taken off");
        continue;
      }
      if (old.moved !== null) return refuse("a clause carries one move proposal at a time");
      if (ownerOf(clause.moved)) return refuse("the proposal id belongs to someone else's proposal, or to a decided one");
      const from = placeOf(outlineBefore, clause.id);
      if (!from || encodePlace(from) !== clause.movedFrom) return refuse("a moved clause records the place it stood");
      proposals.push({ id: clause.moved, kind: "move", scope: "clause", clauseId: clause.id, movedFrom: from });
    }
  if (rules.proposeOnly) {
    // What is not proposed moved, now or before (nor the sender's own proposed clause), keeps its order.
    const movable = (c: PlacedClause) => c.moved !== null || was.get(c.id)!.moved !== null || isOwn(c.insertion);
    const free = new Set(after.sections.flatMap((s) => s.clauses.filter(movable).map((c) => c.id)));
    const settled = (places: ClausePlaces) => places.sections.map((s) => s.clauses.filter((c) => !free.has(c.id)).map((c) => c.id)).join("|");
    if (settled(before) !== settled(after)) return refuse("a clause moves only as a proposal");
  }
  return { problem: null, proposals };
}
