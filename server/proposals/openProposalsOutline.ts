import type { OutlinedProposal, ProposalView } from "../../shared/proposals/proposals";
import { readSchedule } from "../agreements/scheduleDocument";
import type { Services } from "../context";
import { clauseLabel } from "./clauseLabel";
import { listProposalViews } from "./decisions";

/**
 * The open proposals in document order with the clause each is in, for pages that read the text
 * without them (the redline, comparisons): they are not changes until accepted, but whoever reads
 * what changed should see what is still asked.
 */
export async function openProposalsOutline(services: Services, negotiationId: string): Promise<OutlinedProposal[]> {
  const proposals = await listProposalViews(services, negotiationId, "open");
  if (proposals.length === 0) return [];
  const doc = readSchedule(services, negotiationId);
  const order = new Map<string, number>();
  doc.descendants((node) => {
    if (node.type.name === "clause" && typeof node.attrs.id === "string") order.set(node.attrs.id, order.size);
    return node.type.name !== "clause";
  });
  const rank = (p: ProposalView) => (p.clauseId !== null ? (order.get(p.clauseId) ?? order.size) : -1);
  return proposals
    .map((p) => {
      const { number, heading } = clauseLabel(doc, p.clauseId);
      return { ...p, clause: number === undefined ? null : { number, heading: heading ?? "" } };
    })
    .sort((a, b) => rank(a) - rank(b) || a.createdAt - b.createdAt);
}
