import { audit } from "../../../db/queries/auditLog";
import { insertProposals } from "../../../db/queries/proposals";
import type { DB } from "../../../db/connection";
import type { ImportedProposal } from "../../../shared/wordImport/importedDocument";

/**
 * Hands the file's tracked changes over as open proposals. Their marks are already in the
 * document; each becomes a proposal row shown as by "Word: <author>", dated as Word dated it, of
 * the member who imported the file (who brought the change to the table, and may withdraw it),
 * so the other party accepts or rejects it like any other. The audit log lists them all in one
 * entry.
 */
export async function recordImportedProposals(
  trx: DB,
  negotiationId: string,
  proposals: ImportedProposal[],
  importedBy: { userId: string; party: string },
): Promise<void> {
  if (proposals.length === 0) return;
  const now = Date.now();
  await insertProposals(
    trx,
    proposals.map((p) => {
      const at = p.date ? Date.parse(p.date) : Number.NaN;
      return {
        id: p.id,
        negotiationId,
        clauseId: p.clauseId,
        kind: p.kind,
        scope: p.scope,
        authorId: importedBy.userId,
        party: importedBy.party,
        createdAt: Number.isFinite(at) ? at : now,
        wordAuthor: wordAuthorOf(p.author),
      };
    }),
  );
  await audit(trx, {
    negotiationId,
    userId: importedBy.userId,
    action: "import.tracked_changes",
    detail: {
      proposals: proposals.map((p) => ({
        id: p.id,
        kind: p.kind,
        scope: p.scope,
        author: `Word: ${wordAuthorOf(p.author)}`,
        date: p.date,
        clauseIndex: p.clauseIndex,
        text: p.text.slice(0, 500),
      })),
    },
  });
}

/** The name as Word has it; a file exported from here names its proposals "Word: …" already. */
const wordAuthorOf = (author: string) => author.replace(/^(Word: )+/, "").slice(0, 200);
