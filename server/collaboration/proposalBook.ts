import type * as Y from "yjs";
import type { ProposalStatements } from "../../db/queries/proposals";
import { clauseHashes } from "../../shared/agreements/contentHash";
import { agreedClauseIds } from "../../shared/agreements/clauseStatus";
import type { PresenceUser } from "../../shared/collaboration/presence";
import { scheduleFragmentName } from "../../shared/editor/schema";
import { isChangesMode, type ChangesMode, type ProposalKind } from "../../shared/proposals/proposals";
import type { Party } from "../../shared/roles";
import type { NewProposal, ProposalOwner, ProposalRules } from "./proposalGuard";
import { readStoredSchedule } from "./storedSchedule";

/**
 * A room's side of proposals: how the negotiation takes edits, which clauses both parties agreed
 * (only proposals change those), and the server's record of who proposed what. Read synchronously
 * from SQLite, so an update is judged and its proposals recorded in the step that admits it.
 */
export class ProposalBook {
  mode: ChangesMode;
  /** Replaced, never changed in place: a check in progress keeps the set it started with. */
  protectedClauses: ReadonlySet<string> = new Set();

  constructor(
    private readonly negotiationId: string,
    private readonly stmts: ProposalStatements,
    private readonly doc: Y.Doc,
  ) {
    const mode = stmts.changesMode.get(negotiationId)?.changes_mode;
    this.mode = isChangesMode(mode) ? mode : "together";
    this.followAgreements();
  }

  /** After a clause decision or a decided proposal: which clauses are agreed by both, on the text as it is now. */
  followAgreements() {
    const decisions = this.stmts.decisions.all(this.negotiationId);
    if (decisions.length === 0) {
      this.protectedClauses = new Set();
      return;
    }
    const { doc } = readStoredSchedule(this.doc.getXmlFragment(scheduleFragmentName));
    const rows = decisions.map((d) => ({ clauseId: d.clause_id, party: d.party as Party, decision: d.decision, hash: d.content_hash }));
    this.protectedClauses = agreedClauseIds(clauseHashes(doc), rows);
  }

  /** What an update from `user` may do. Observers never get this far (they do not edit). */
  rulesFor(user: PresenceUser): ProposalRules {
    return {
      senderId: user.userId,
      proposeOnly: this.mode === "proposals",
      protectedClauses: this.protectedClauses,
      owner: (id) => this.owner(id),
    };
  }

  private owner(id: string): ProposalOwner | undefined {
    const row = this.stmts.owner.get(id);
    if (!row) return undefined;
    const kind = row.kind as ProposalKind;
    return row.negotiation_id === this.negotiationId ? { authorId: row.author_id, kind, open: row.status === "open" } : { authorId: null, kind, open: false };
  }

  /** Records the proposals an admitted update started; false when the database would not take them. */
  record(proposals: NewProposal[], user: PresenceUser): boolean {
    const at = Date.now();
    try {
      this.stmts.transaction(() => {
        for (const p of proposals)
          this.stmts.insert.run(
            p.id,
            this.negotiationId,
            p.clauseId,
            p.kind,
            p.scope,
            user.userId,
            user.role,
            at,
            p.movedFrom?.sectionId ?? null,
            p.movedFrom?.afterClauseId ?? null,
          );
      });
      return true;
    } catch {
      return false;
    }
  }
}
