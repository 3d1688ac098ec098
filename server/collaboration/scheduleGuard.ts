// The server is the authority on the schedule's shape. Yjs cannot take an update back once it is
// applied, so every update is first applied to a replica of the room's document (the candidate)
// and checked there; only an update that leaves the replica valid is applied to the room, sent to
// others and stored. Both documents receive the same updates in the same order, so they stay
// identical. A refused update has changed the replica, which is then rebuilt from the room: that
// costs a copy of the document, paid only by someone who sends what no editor sends (and who is
// disconnected for it). Keystrokes (plainTyping.ts) need no trial: they go straight to the room
// and reach the replica later, in batches, before the next update that does need one.
import * as Y from "yjs";
import { scheduleFragmentName } from "../../shared/editor/schema";
import { newId } from "../../shared/ids";
import { clausePlaces } from "./clausePlaces";
import { isPlainTyping } from "./plainTyping";
import { checkProposals, reachesClauses, type NewProposal, type ProposalRules } from "./proposalGuard";
import { checkTransaction, type ShapeCheck } from "./transactionShape";

/**
 * How soon the replica takes up the keystrokes it has not seen yet, when nothing else asks it to:
 * about once a second, at a random moment, so that a hundred busy rooms do not all catch up in
 * the same tick and hold up everyone's updates.
 */
const catchUpDelayMs = () => 500 + Math.random() * 1000;

export type Verdict = { ok: true; copies: Y.ID[]; proposals: NewProposal[] } | { ok: false; reason: string; tooLarge?: boolean };

function clauseElement(doc: Y.Doc, clauseId: string): Y.XmlElement | null {
  for (const section of doc.getXmlFragment(scheduleFragmentName).toArray()) {
    if (!(section instanceof Y.XmlElement)) continue;
    for (const clause of section.toArray())
      if (clause instanceof Y.XmlElement && clause.nodeName === "clause" && clause.getAttribute("id") === clauseId) return clause;
  }
  return null;
}

/** A clause's content as XML (marks included, its own attributes not), or null when there is no such clause. */
function clauseContent(doc: Y.Doc, clauseId: string): string | null {
  const clause = clauseElement(doc, clauseId);
  return clause
    ? clause
        .toArray()
        .map((child) => child.toString())
        .join("")
    : null;
}

export class ScheduleGuard {
  private candidate!: Y.Doc;
  private check: ShapeCheck | null = null;
  /** While an update is tried: the sender's proposal rules, and what they found. */
  private rules: ProposalRules | null = null;
  private proposals: NewProposal[] = [];
  private proposalProblem: string | null = null;
  /**
   * An upper bound of the encoded document's size: the exact size at the last measurement plus
   * every accepted update since (an update never grows the encoding by more than its own length).
   * Measured exactly only when the bound crosses the cap.
   */
  private sizeBound = 0;
  /** Updates the room has and the replica does not yet (keystrokes, the room's own writes), in order. */
  private behind: Uint8Array[] = [];
  private catchUpTimer: NodeJS.Timeout | null = null;
  private catchingUp = false;

  constructor(
    private readonly room: Y.Doc,
    private readonly maxBytes: number,
  ) {
    this.rebuild();
  }

  private rebuild() {
    this.candidate?.destroy();
    this.behind = [];
    this.candidate = new Y.Doc({ gc: this.room.gc });
    const state = Y.encodeStateAsUpdate(this.room);
    this.sizeBound = state.byteLength;
    Y.applyUpdate(this.candidate, state);
    const fragment = this.candidate.getXmlFragment(scheduleFragmentName);
    // One applyUpdate can run several transactions (Yjs tidies formatting in a follow-up one):
    // a problem found in any of them stands.
    this.candidate.on("afterTransaction", (tr: Y.Transaction) => {
      if (this.catchingUp) return; // the room has admitted these already
      // Yjs's own tidying of formatting after a remote update runs as a local transaction.
      if (this.rules && !tr.local && !this.proposalProblem) {
        const found = checkProposals(tr, this.rules);
        if (found.problem === null) this.proposals.push(...found.proposals);
        else this.proposalProblem = found.problem;
      }
      const check = checkTransaction(tr, fragment);
      if (!this.check) this.check = check;
      else if (!this.check.problem) this.check = { problem: check.problem, copies: [...this.check.copies, ...check.copies] };
    });
  }

  /**
   * Tries `update` on the replica, with the sender's proposal rules (none: the schema alone).
   * When the verdict is ok the caller must record its proposals, apply the same update to the
   * room's document, and then renameCopies, before anything else touches either (synchronously,
   * as CollabConnection and Room.applyAdmitted do).
   */
  admit(update: Uint8Array, decoded: ReturnType<typeof Y.decodeUpdate>, rules: ProposalRules | null = null): Verdict {
    if (this.mayTakeAsTyping(decoded, rules) && this.sizeBound + update.byteLength <= this.maxBytes) {
      this.sizeBound += update.byteLength;
      this.follow(update);
      return { ok: true, copies: [], proposals: [] };
    }
    this.catchUp();
    this.check = null;
    // Caught up, the room is the replica as it was before this update: what "intact" compares with.
    this.rules = rules && {
      ...rules,
      intact: (clauseId) => {
        const before = clauseContent(this.room, clauseId);
        return before !== null && before === clauseContent(this.candidate, clauseId);
      },
      places: () => ({
        before: clausePlaces(this.room.getXmlFragment(scheduleFragmentName)),
        after: clausePlaces(this.candidate.getXmlFragment(scheduleFragmentName)),
      }),
      attributeBefore: (clauseId, key) => {
        const value: unknown = clauseElement(this.room, clauseId)?.getAttribute(key);
        return typeof value === "string" ? value : null;
      },
    };
    this.proposals = [];
    this.proposalProblem = null;
    let verdict: Verdict;
    try {
      Y.applyUpdate(this.candidate, update);
      const store = this.candidate.store;
      // Set by the afterTransaction listener during applyUpdate (TypeScript cannot see that).
      const check = this.check as ShapeCheck | null;
      const proposalProblem = this.proposalProblem as string | null;
      if (check?.problem) verdict = { ok: false, reason: check.problem };
      else if (proposalProblem) verdict = { ok: false, reason: proposalProblem };
      else if (store.pendingStructs !== null || store.pendingDs !== null)
        verdict = { ok: false, reason: "the update builds on changes the server does not have" };
      else verdict = this.withinSize(update.byteLength, check?.copies ?? [], this.proposals);
    } catch (error) {
      verdict = { ok: false, reason: `the update could not be applied (${(error as Error).message.slice(0, 80)})` };
    } finally {
      this.rules = null;
    }
    if (!verdict.ok) this.rebuild();
    return verdict;
  }

  /**
   * Keystrokes skip the trial, unless the sender may only propose there: in propose mode always,
   * in edit-together mode when they reach a clause both parties agreed.
   */
  private mayTakeAsTyping(decoded: ReturnType<typeof Y.decodeUpdate>, rules: ProposalRules | null): boolean {
    if (rules?.proposeOnly || !isPlainTyping(decoded, this.room)) return false;
    return !rules || rules.protectedClauses.size === 0 || !reachesClauses(decoded, this.room, rules.protectedClauses);
  }

  /**
   * An admitted update the room could not take after all (its proposals could not be recorded):
   * the replica, which has it, is rebuilt from the room.
   */
  forget() {
    this.rebuild();
  }

  private withinSize(updateBytes: number, copies: Y.ID[], proposals: NewProposal[]): Verdict {
    this.sizeBound += updateBytes;
    if (this.sizeBound <= this.maxBytes) return { ok: true, copies, proposals };
    this.sizeBound = Y.encodeStateAsUpdate(this.candidate).byteLength; // caught up: admit did
    if (this.sizeBound <= this.maxBytes) return { ok: true, copies, proposals };
    return { ok: false, tooLarge: true, reason: `the schedule would exceed its size limit of ${Math.round(this.maxBytes / 1024)} KiB` };
  }

  /**
   * Gives the clauses an admitted update copied fresh ids, in the room and then the replica.
   * The room sends the update and this fix together (Room.applyAdmitted).
   */
  renameCopies(copies: Y.ID[]) {
    this.catchUp();
    const before = Y.encodeStateVector(this.candidate);
    Y.transact(this.room, () => {
      for (const id of copies) (((Y.getItem(this.room.store, id) as Y.Item).content as Y.ContentType).type as Y.XmlElement).setAttribute("id", newId());
    });
    Y.applyUpdate(this.candidate, Y.encodeStateAsUpdate(this.room, before));
  }

  /** An update the room applied without asking (the server's own writes): the replica follows. */
  mirror(update: Uint8Array) {
    this.sizeBound += update.byteLength;
    this.follow(update);
  }

  /** Queues an update for the replica; it must keep the room's order, so everything queues. */
  private follow(update: Uint8Array) {
    this.behind.push(update);
    if (this.catchUpTimer) return;
    this.catchUpTimer = setTimeout(() => this.catchUp(), catchUpDelayMs());
    this.catchUpTimer.unref();
  }

  /** The replica takes what it missed, in one transaction. */
  private catchUp() {
    if (this.catchUpTimer) clearTimeout(this.catchUpTimer);
    this.catchUpTimer = null;
    if (this.behind.length === 0) return;
    const behind = this.behind;
    this.behind = [];
    this.catchingUp = true;
    try {
      // One by one in one transaction: measured cheaper than Y.mergeUpdates first, or a diff
      // from the room (which re-encodes the room's whole delete set).
      Y.transact(this.candidate, () => {
        for (const update of behind) Y.applyUpdate(this.candidate, update);
      });
    } finally {
      this.catchingUp = false;
    }
  }

  destroy() {
    if (this.catchUpTimer) clearTimeout(this.catchUpTimer);
    this.candidate.destroy();
  }
}
