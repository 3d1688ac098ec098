import { audit } from "../../../db/queries/auditLog";
import { exportContentTypes, type ExportFormat } from "../../../shared/agreements/exportFormats";
import type { Locale } from "../../../shared/i18n/index";
import type { Services } from "../../context";
import { DomainError } from "../../errors";
import { docxExport } from "./docxExport";
import { buildExportDocument } from "./exportDocument";
import { exportFileName } from "./exportFileName";
import { markdownExport } from "./markdownExport";
import { pdfExport } from "./pdfExport";

/**
 * Renders a version (or the current draft) in one format, or with `since` the current draft as a
 * DOCX whose changes since that version are tracked changes; records the export in the audit log.
 */
export async function exportVersion(
  services: Services,
  negotiationId: string,
  userId: string,
  request: { versionId: string | "current"; format: ExportFormat; withThreads: boolean; locale: Locale; since?: string },
): Promise<{ body: Buffer; contentType: string; fileName: string }> {
  // Tracked changes are Word's: only a DOCX carries them, and only of the current draft.
  if (request.since !== undefined && request.format !== "docx") throw new DomainError(400, "export.error.badQuery");
  const doc = await buildExportDocument(services, negotiationId, request.versionId, {
    locale: request.locale,
    withThreads: request.withThreads,
    since: request.since,
  });
  const body = request.format === "docx" ? await docxExport(doc) : request.format === "pdf" ? await pdfExport(doc) : Buffer.from(markdownExport(doc), "utf8");
  await audit(services.db, {
    negotiationId,
    userId,
    action: "export",
    detail: { what: doc.versionLabel, format: request.format, threads: request.withThreads, ...(doc.trackedSince && { since: doc.trackedSince.label }) },
  });
  return { body, contentType: exportContentTypes[request.format], fileName: exportFileName(doc, request.format) };
}
