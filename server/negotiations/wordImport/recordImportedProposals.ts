import type { Kysely } from "kysely";
import { audit } from "../../../db/queries/auditLog";
import type { Database } from "../../../db/schema";
import type { ImportedProposal } from "../../../shared/wordImport/importedDocument";

/**
 * Hands the file's tracked changes over as proposals attributed to "Word: <author>". Their marks
 * are already in the document; here they are recorded in the audit log, one entry listing them all,
 * in the same transaction as the negotiation's first entries, so none is lost and none is
 * silently accepted.
 */
export async function recordImportedProposals(trx: Kysely<Database>, negotiationId: string, proposals: ImportedProposal[], importedBy: string): Promise<void> {
  if (proposals.length === 0) return;
  await audit(trx, {
    negotiationId,
    userId: importedBy,
    action: "import.tracked_changes",
    detail: {
      proposals: proposals.map((p) => ({
        id: p.id,
        kind: p.kind,
        author: `Word: ${p.author}`,
        date: p.date,
        clauseIndex: p.clauseIndex,
        text: p.text.slice(0, 500),
      })),
    },
  });
}
