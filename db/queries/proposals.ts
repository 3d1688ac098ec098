import type SQLite from "better-sqlite3";
import type { DB } from "../connection";
import type { ClausePlace } from "../../shared/proposals/clauseMove";
import { isChangesMode, type ChangesMode, type ProposalKind, type ProposalScope, type ProposalStatus } from "../../shared/proposals/proposals";

export interface ProposalRecord {
  id: string;
  negotiationId: string;
  clauseId: string | null;
  kind: ProposalKind;
  scope: ProposalScope;
  authorId: string;
  authorName: string;
  /** A tracked change read from a Word file: the author Word names; the importer is `authorId`. */
  wordAuthor: string | null;
  party: string;
  createdAt: number;
  reason: string | null;
  status: ProposalStatus;
  decidedBy: string | null;
  decidedAt: number | null;
  /** A move (decision 031): where the clause stood. */
  movedFrom: ClausePlace | null;
}

export interface NewProposal {
  id: string;
  negotiationId: string;
  clauseId: string | null;
  kind: ProposalKind;
  scope: ProposalScope;
  authorId: string;
  party: string;
  createdAt: number;
}

/**
 * The collaboration hot path records a proposal in the same synchronous step that admits the
 * update using its id, so the statements are prepared once on the raw driver (like
 * documents.ts). Who owns an id is asked only for updates that carry proposal marks.
 */
export function prepareProposalStatements(sqlite: SQLite.Database) {
  return {
    owner: sqlite.prepare<[id: string], { negotiation_id: string; author_id: string; kind: string; status: string }>(
      "select negotiation_id, author_id, kind, status from proposals where id = ?",
    ),
    insert: sqlite.prepare<
      [
        id: string,
        negotiationId: string,
        clauseId: string | null,
        kind: string,
        scope: string,
        authorId: string,
        party: string,
        createdAt: number,
        movedFromSection: string | null,
        movedAfter: string | null,
      ]
    >(
      "insert into proposals (id, negotiation_id, clause_id, kind, scope, author_id, party, created_at, moved_from_section, moved_after) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    ),
    changesMode: sqlite.prepare<[negotiationId: string], { changes_mode: string }>("select changes_mode from negotiations where id = ?"),
    /** Every clause decision in the order made: which clauses both parties agreed is computed from it. */
    decisions: sqlite.prepare<[negotiationId: string], { clause_id: string; party: string; decision: string; content_hash: string }>(
      "select clause_id, party, decision, content_hash from clause_agreements where negotiation_id = ? order by id",
    ),
    transaction: <T>(run: () => T): T => sqlite.transaction(run)(),
  };
}
export type ProposalStatements = ReturnType<typeof prepareProposalStatements>;

const toRecord = (r: {
  id: string;
  negotiation_id: string;
  clause_id: string | null;
  kind: string;
  scope: string;
  author_id: string;
  author_name: string;
  word_author: string | null;
  party: string;
  created_at: number;
  reason: string | null;
  status: string;
  decided_by: string | null;
  decided_at: number | null;
  moved_from_section: string | null;
  moved_after: string | null;
}): ProposalRecord => ({
  id: r.id,
  negotiationId: r.negotiation_id,
  clauseId: r.clause_id,
  kind: r.kind as ProposalKind,
  scope: r.scope === "clause" || r.scope === "block" || r.scope === "section" ? r.scope : "text",
  authorId: r.author_id,
  authorName: r.author_name,
  wordAuthor: r.word_author,
  party: r.party,
  createdAt: r.created_at,
  reason: r.reason,
  status: r.status as ProposalStatus,
  decidedBy: r.decided_by,
  decidedAt: r.decided_at,
  movedFrom: r.moved_from_section === null ? null : { sectionId: r.moved_from_section, afterClauseId: r.moved_after },
});

const proposalColumns = [
  "p.id",
  "p.negotiation_id",
  "p.clause_id",
  "p.kind",
  "p.scope",
  "p.author_id",
  "u.name as author_name",
  "p.word_author",
  "p.party",
  "p.created_at",
  "p.reason",
  "p.status",
  "p.decided_by",
  "p.decided_at",
  "p.moved_from_section",
  "p.moved_after",
] as const;

export async function listProposals(db: DB, negotiationId: string, status: ProposalStatus | "all"): Promise<ProposalRecord[]> {
  let query = db
    .selectFrom("proposals as p")
    .innerJoin("users as u", "u.id", "p.author_id")
    .select(proposalColumns)
    .where("p.negotiation_id", "=", negotiationId);
  if (status !== "all") query = query.where("p.status", "=", status);
  return (await query.orderBy("p.created_at").orderBy("p.id").execute()).map(toRecord);
}

export async function getProposal(db: DB, negotiationId: string, id: string): Promise<ProposalRecord | null> {
  const row = await db
    .selectFrom("proposals as p")
    .innerJoin("users as u", "u.id", "p.author_id")
    .select(proposalColumns)
    .where("p.negotiation_id", "=", negotiationId)
    .where("p.id", "=", id)
    .executeTakeFirst();
  return row ? toRecord(row) : null;
}

/** Which of `ids` are open proposals of this negotiation. */
export async function openProposalIds(db: DB, negotiationId: string, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectFrom("proposals")
    .select("id")
    .where("negotiation_id", "=", negotiationId)
    .where("status", "=", "open")
    .where("id", "in", ids)
    .execute();
  return new Set(rows.map((r) => r.id));
}

/** Marks a still open proposal decided; false when it was decided meanwhile. */
export async function decideProposal(db: DB, id: string, status: Exclude<ProposalStatus, "open">, decidedBy: string, at: number): Promise<boolean> {
  const result = await db
    .updateTable("proposals")
    .set({ status, decided_by: decidedBy, decided_at: at })
    .where("id", "=", id)
    .where("status", "=", "open")
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function setProposalReason(db: DB, id: string, reason: string | null): Promise<void> {
  await db.updateTable("proposals").set({ reason }).where("id", "=", id).execute();
}

export async function changesMode(db: DB, negotiationId: string): Promise<ChangesMode> {
  const row = await db.selectFrom("negotiations").select("changes_mode").where("id", "=", negotiationId).executeTakeFirstOrThrow();
  return isChangesMode(row.changes_mode) ? row.changes_mode : "together";
}

export async function setChangesMode(db: DB, negotiationId: string, mode: ChangesMode): Promise<void> {
  await db.updateTable("negotiations").set({ changes_mode: mode }).where("id", "=", negotiationId).execute();
}

/** Proposals that arrive with a new document (a Word file's tracked changes), in its first transaction. */
export async function insertProposals(db: DB, proposals: (NewProposal & { wordAuthor: string })[]): Promise<void> {
  if (proposals.length === 0) return;
  await db
    .insertInto("proposals")
    .values(
      proposals.map((p) => ({
        id: p.id,
        negotiation_id: p.negotiationId,
        clause_id: p.clauseId,
        kind: p.kind,
        scope: p.scope,
        author_id: p.authorId,
        party: p.party,
        created_at: p.createdAt,
        word_author: p.wordAuthor,
      })),
    )
    .execute();
}
