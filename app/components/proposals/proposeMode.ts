import type { EditorState, Transaction } from "prosemirror-state";
import type { Node as PMNode, ResolvedPos } from "prosemirror-model";
import { ySyncPluginKey } from "y-prosemirror";
import { clauseAt } from "../../../shared/editor/commands";
import { scheduleSchema } from "../../../shared/editor/schema";
import { clauseProposalOf, isProtectedClause } from "../../../shared/editor/proposalMarks";
import { proposalTransaction, type ProposalAuthor } from "../../../shared/editor/proposalTransform";
import type { ChangesMode } from "../../../shared/proposals/changesMode";
import type { Party } from "../../../shared/roles";
import { marginState } from "../agreements/agreementDecorations";

export interface ProposeRules {
  mode: ChangesMode;
  party: Party | null;
  author: ProposalAuthor;
}

/** Whether the clause holding `$pos` is agreed by both parties (so only proposals may change it). */
function protectedAt(state: EditorState, $pos: ResolvedPos): boolean {
  const found = clauseAt($pos);
  if (!found) return false;
  return isProtectedClause($pos.node(found.depth), marginState(state).latest);
}

/**
 * Whether an edit at this range must be a proposal: every edit of a party member in propose mode,
 * and in either mode an edit that reaches into a clause both parties agreed, a whole agreed clause
 * moved or removed included (the server judges every piece of text of such a clause); never inside
 * a clause the member proposed whole.
 */
export function mustPropose(state: EditorState, doc: PMNode, from: number, to: number, rules: ProposeRules): boolean {
  if (!rules.party) return false;
  if (inOwnProposedClause(doc.resolve(from), doc.resolve(to), rules.author)) return false;
  if (rules.mode === "proposals") return true;
  if (protectedAt(state, doc.resolve(from)) || protectedAt(state, doc.resolve(to))) return true;
  let reached = false;
  doc.nodesBetween(from, to, (node) => {
    if (reached || node.type !== scheduleSchema.nodes.clause) return !reached && !node.isTextblock;
    reached = isProtectedClause(node, marginState(state).latest);
    return false;
  });
  return reached;
}

/** Whether the range lies inside one clause this member proposed whole: theirs to write as they like (decision 027). */
function inOwnProposedClause($from: ResolvedPos, $to: ResolvedPos, author: ProposalAuthor): boolean {
  const found = clauseAt($from);
  if (!found || clauseAt($to)?.pos !== found.pos) return false;
  const proposal = clauseProposalOf($from.node(found.depth));
  return proposal?.kind === "insert" && author.isMine(proposal.id);
}

function stepRange(step: unknown): { from: number; to: number } | null {
  const { from, to, pos } = step as { from?: number; to?: number; pos?: number };
  if (typeof from === "number" && typeof to === "number") return { from, to };
  return typeof pos === "number" ? { from: pos, to: pos } : null;
}

/**
 * What this member's edit becomes: itself, its proposal form, or null when it must be a proposal
 * but has none (formatting, structure): then it is dropped, as the server would refuse it. Remote
 * changes and undo/redo (which y-prosemirror applies as changes from the shared document) pass.
 */
export function asProposal(state: EditorState, tr: Transaction, rules: ProposeRules): Transaction | null {
  if (!tr.docChanged) return tr;
  const sync = tr.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean } | undefined;
  if (sync?.isChangeOrigin) return tr;
  const propose = tr.steps.some((step, i) => {
    const range = stepRange(step);
    return range ? mustPropose(state, tr.docs[i]!, range.from, range.to, rules) : rules.mode === "proposals" && !!rules.party;
  });
  return propose ? proposalTransaction(state, tr, rules.author) : tr;
}
