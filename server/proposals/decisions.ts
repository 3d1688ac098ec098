import { decideProposal as markDecided, getProposal, listProposals, setProposalReason, type ProposalRecord } from "../../db/queries/proposals";
import type { Member } from "../../shared/member";
import type { z } from "zod";
import type { bulkProposalActionSchema, ProposalAction, ProposalStatus, ProposalView } from "../../shared/proposals/proposals";
import { partyOf, type Party, type Role } from "../../shared/roles";
import { announceMove } from "../activity/announceMove";
import { recordMove } from "../activity/recordMove";
import { publishAgreements } from "../agreements/agreementSnapshot";
import { readSchedule, withScheduleDoc } from "../agreements/scheduleDocument";
import { authorize, policyState } from "../authorize";
import type { Services } from "../context";
import { DomainError } from "../errors";
import { pushProposalThreads } from "../threads/pushThread";
import { scheduleFragmentName } from "../../shared/editor/schema";
import { applyDecision, proposalTexts, type ProposalInDocument } from "./proposalText";
import { proposalAuthorName } from "./proposalAuthor";
import { clauseLabel } from "./clauseLabel";

/** The proposals with their text as the document has it now; open ones unless asked for all. */
export async function listProposalViews(services: Services, negotiationId: string, which: "open" | "all"): Promise<ProposalView[]> {
  const records = await listProposals(services.db, negotiationId, which === "all" ? "all" : "open");
  const inDocument = withScheduleDoc(services, negotiationId, (ydoc) => proposalTexts(ydoc.getXmlFragment(scheduleFragmentName)));
  // An open proposal whose text is gone (its author deleted their own insertion, or it went with a
  // paragraph or clause decided around it) is nothing to decide: not listed, but still open, so
  // that an undo bringing the text back brings the proposal back.
  const shown = which === "open" ? records.filter((r) => inDocument.has(r.id)) : records;
  return shown.map((r) => view(r, inDocument.get(r.id)));
}

function view(r: ProposalRecord, now: ProposalInDocument | undefined): ProposalView {
  return {
    id: r.id,
    clauseId: now?.clauseId ?? r.clauseId,
    kind: r.kind,
    scope: r.scope,
    author: {
      id: r.authorId,
      name: proposalAuthorName(r),
      party: r.party as Party | Role,
      ...(r.wordAuthor === null ? {} : { importedBy: r.authorName }),
    },
    createdAt: r.createdAt,
    text: now?.text ?? "",
    reason: r.reason,
    status: r.status,
    ...(now?.formatting ? { formatting: now.formatting } : {}),
    ...(r.movedFrom ? { movedFrom: r.movedFrom } : {}),
    ...(now?.block ? { block: now.block } : {}),
  };
}

const outcome: Record<"accept" | "reject" | "withdraw", Exclude<ProposalStatus, "open">> = {
  accept: "accepted",
  reject: "rejected",
  withdraw: "withdrawn",
};

/**
 * Accept or reject (a member of the other party), withdraw or give a reason (the author). A
 * decision is the server's own edit of the room's document, which everyone receives, and a move
 * in the negotiation's activity naming the author and who decided.
 */
export async function actOnProposal(
  services: Services,
  negotiationId: string,
  actor: Member,
  proposalId: string,
  input: ProposalAction,
): Promise<ProposalView> {
  const proposal = await getProposal(services.db, negotiationId, proposalId);
  if (!proposal) throw new DomainError(404, "proposals.error.notFound");
  if (proposal.status !== "open") throw new DomainError(409, "proposals.error.decided");
  const state = await policyState(services.db, negotiationId);
  if (input.action === "reason" || input.action === "withdraw") {
    if (proposal.authorId !== actor.userId) throw new DomainError(403, "proposals.error.notAuthor");
    authorize(actor, "edit", state);
  } else {
    authorize(actor, "decideProposal", state);
    if (partyOf(proposal.party as Role) === actor.party) throw new DomainError(403, "proposals.error.ownParty");
  }
  if (input.action === "reason") return giveReason(services, negotiationId, actor, proposalId, input.reason || null);
  return decide(services, negotiationId, actor, proposal, input.action);
}

/** The author's reason, saved and announced: the other side reads it with the proposal at once. */
async function giveReason(services: Services, negotiationId: string, actor: Member, proposalId: string, reason: string | null): Promise<ProposalView> {
  const proposal = (await listProposalViews(services, negotiationId, "open")).find((p) => p.id === proposalId);
  if (!proposal) throw new DomainError(409, "proposals.error.notInDocument");
  const where = clauseLabel(readSchedule(services, negotiationId), proposal.clauseId);
  const move = await services.db.transaction().execute(async (trx) => {
    await setProposalReason(trx, proposalId, reason);
    return recordMove(
      trx,
      {
        negotiationId,
        userId: actor.userId,
        action: "proposal.reason",
        detail: { proposalId, clauseId: proposal.clauseId, ...where, reason: reason?.slice(0, 200) ?? null, ...(actor.party ? { party: actor.party } : {}) },
      },
      actor.party,
    );
  });
  announceMove(services, move);
  return { ...proposal, reason };
}

/** Every open proposal in one clause, or by one member, that this member may decide: decided one by one. */
export async function actOnProposals(
  services: Services,
  negotiationId: string,
  actor: Member,
  input: z.infer<typeof bulkProposalActionSchema>,
): Promise<ProposalView[]> {
  authorize(actor, "decideProposal", await policyState(services.db, negotiationId));
  const open = await listProposalViews(services, negotiationId, "open");
  const chosen = open.filter((p) => ("clauseId" in input ? p.clauseId === input.clauseId : p.author.id === input.authorId));
  // Text proposals first: a clause's own proposal, decided, may take the ones inside it along.
  chosen.sort((a, b) => Number(a.scope === "clause") - Number(b.scope === "clause"));
  const decided: ProposalView[] = [];
  for (const p of chosen) {
    if (partyOf(p.author.party as Role) === actor.party) continue;
    decided.push(await actOnProposal(services, negotiationId, actor, p.id, { action: input.action }));
  }
  return decided;
}

async function decide(services: Services, negotiationId: string, actor: Member, proposal: ProposalRecord, action: "accept" | "reject" | "withdraw") {
  const status = outcome[action];
  const open = await listProposalViews(services, negotiationId, "open");
  const before = open.find((p) => p.id === proposal.id);
  if (!before) throw new DomainError(409, "proposals.error.notInDocument");
  const where = clauseLabel(readSchedule(services, negotiationId), before.clauseId);
  // A clause that goes (its removal accepted, its addition rejected or withdrawn) takes the
  // proposals made inside it along: they close with it, decided by the same hand.
  const clauseGoes = before.scope === "clause" && proposal.kind !== "move" && (proposal.kind === "insert") !== (status === "accepted");
  const inside = clauseGoes ? open.filter((p) => p.id !== proposal.id && p.clauseId === before.clauseId) : [];
  const at = Date.now();
  const move = await services.db.transaction().execute(async (trx) => {
    if (!(await markDecided(trx, proposal.id, status, actor.userId, at))) throw new DomainError(409, "proposals.error.decided");
    for (const p of inside) await markDecided(trx, p.id, "rejected", actor.userId, at);
    return recordMove(
      trx,
      {
        negotiationId,
        userId: actor.userId,
        action: `proposal.${status}`,
        detail: {
          proposalId: proposal.id,
          kind: proposal.kind,
          scope: proposal.scope,
          clauseId: before.clauseId,
          ...where,
          text: before.text.slice(0, 200),
          authorId: proposal.authorId,
          author: proposalAuthorName(proposal),
          authorParty: proposal.party,
          ...(actor.party ? { party: actor.party } : {}),
        },
      },
      actor.party,
    );
  });
  // Once recorded as decided, the marks are nobody's to edit (the guard refuses decided ids), so
  // the server's edit that follows is the only one that touches them.
  services.collaboration.edit(negotiationId, (fragment) => applyDecision(fragment, proposal.id, proposal.kind, status === "accepted", proposal.movedFrom));
  services.collaboration.followAgreements(negotiationId);
  announceMove(services, move);
  await publishAgreements(services, negotiationId);
  await pushProposalThreads(services, negotiationId, proposal.id);
  return { ...before, status };
}
