import { latestDecisionRows } from "../../db/queries/clauseAgreements";
import { lastEndedSession, listActions, listItems } from "../../db/queries/moderatedSessions";
import { loadThreads } from "../../db/queries/threads";
import { scheduleStates } from "../../shared/agreements/clauseStatus";
import { agreementUnits } from "../../shared/agreements/scheduleStructure";
import { forEachClause } from "../../shared/editor/numbering";
import { placeholdersIn } from "../../shared/editor/placeholders";
import type { Locale } from "../../shared/i18n/index";
import type { AgendaReason, ProposedItem } from "../../shared/moderatedSessions/sessions";
import type { Services } from "../context";
import { readSchedule } from "../agreements/scheduleDocument";
import { listProposalViews } from "../proposals/decisions";
import { clauseTitle } from "./clauseTitle";
import { catalogueWordings, chosenRegimes, coverageGapItems } from "./coverageGaps";

/**
 * What a session could discuss: every clause something is open about, in the schedule's order,
 * then what the last session left: its parked topics and the topics of its open actions (a parked
 * or acted-on clause joins the clause's own item), then every element of the negotiation's regimes
 * no clause covers (a gap parked last time joins its topic). Titles the server makes are in
 * `locale`, the reader's: planned, they stay as the planner read them, as typed topics do.
 */
export async function proposedAgenda(services: Services, negotiationId: string, locale: Locale): Promise<ProposedItem[]> {
  const { db } = services;
  const doc = readSchedule(services, negotiationId);
  const status = new Map(scheduleStates(agreementUnits(doc), await latestDecisionRows(db, negotiationId)).map((s) => [s.clauseId, s.status]));
  const proposed = new Set((await listProposalViews(services, negotiationId, "open")).map((p) => p.clauseId));
  const discussed = new Set((await loadThreads(db, negotiationId)).filter((t) => t.visibility === "shared" && !t.resolved).map((t) => t.clauseId));

  const carried = new Map<string, AgendaReason[]>();
  const topics: ProposedItem[] = [];
  const last = await lastEndedSession(db, negotiationId);
  if (last) {
    const items = await listItems(db, last.id);
    const acted = new Set((await listActions(db, last.id)).filter((a) => a.done_at === null).map((a) => a.item_id));
    for (const item of items) {
      const reasons: AgendaReason[] = [...(item.outcome === "parked" ? (["parked"] as const) : []), ...(acted.has(item.id) ? (["open-action"] as const) : [])];
      if (reasons.length === 0) continue;
      if (item.kind === "clause" && item.clause_id) carried.set(item.clause_id, reasons);
      else topics.push({ kind: "topic", clauseId: null, title: item.title, reasons });
    }
  }

  const clauses: ProposedItem[] = [];
  forEachClause(doc, (clause, _pos, number) => {
    const id = clause.attrs.id as string;
    const reasons: AgendaReason[] = [];
    if (proposed.has(id)) reasons.push("proposal-open");
    if (status.get(id) === "needs-change") reasons.push("needs-change");
    if (status.get(id) === "changed") reasons.push("changed");
    if (placeholdersIn(clause).length > 0) reasons.push("placeholders");
    if (discussed.has(id)) reasons.push("threads");
    reasons.push(...(carried.get(id) ?? []));
    if (reasons.length > 0) clauses.push({ kind: "clause", clauseId: id, title: clauseTitle(number, clause), reasons });
  });
  return [...clauses, ...withGaps(topics, coverageGapItems(doc, await chosenRegimes(services, negotiationId, locale), catalogueWordings(services, locale)))];
}

/** A gap the last session parked is one item with both reasons, not the same topic twice. */
function withGaps(topics: ProposedItem[], gaps: ProposedItem[]): ProposedItem[] {
  const carried = new Map(topics.map((t) => [t.title, t]));
  const fresh = gaps.filter((gap) => {
    const same = carried.get(gap.title);
    if (same) same.reasons.push(...gap.reasons);
    return !same;
  });
  return [...topics, ...fresh];
}
