import { latestDecisionRows } from "../../db/queries/clauseAgreements";
import { clauseHash } from "../../shared/agreements/contentHash";
import { findClause } from "../../shared/editor/numbering";
import type { AgreeableClause, SessionView } from "../../shared/moderatedSessions/sessions";
import type { Party } from "../../shared/roles";
import { readSchedule } from "../agreements/scheduleDocument";
import type { Services } from "../context";

/**
 * The clauses the meeting agreed, as a party member may agree them from the session page: the text
 * as it stands now and its hash (the agreement is posted with it, so text that changed meanwhile
 * is refused, decision 006), and whether the member's party already agreed exactly this text.
 */
export async function agreeableClauses(
  services: Services,
  negotiationId: string,
  party: Party,
  session: SessionView,
): Promise<Record<string, AgreeableClause>> {
  const doc = readSchedule(services, negotiationId);
  const latest = await latestDecisionRows(services.db, negotiationId);
  const out: Record<string, AgreeableClause> = {};
  for (const item of session.agenda) {
    if (item.outcome !== "agreed" || !item.clauseId) continue;
    const found = findClause(doc, item.clauseId);
    if (!found) continue;
    const hash = clauseHash(found.node);
    const mine = latest.find((d) => d.clauseId === item.clauseId && d.party === party);
    out[item.clauseId] = {
      text: found.node.textBetween(0, found.node.content.size, "\n", " "),
      hash,
      agreed: mine?.decision === "agreed" && mine.hash === hash,
    };
  }
  return out;
}
