import type { ExportFormat } from "../../../shared/agreements/exportFormats";
import type { ExportDocument } from "./exportDocument";

// Characters no file system or mail client takes in a name, and control characters (\p{Cc}).
const unsafe = /[\\/:*?"<>|\p{Cc}]+/gu;

/**
 * The name a downloaded export is saved under, in the reader's language: "Security-schedule-Acme-Retail-v3.docx",
 * "Beveiligingsbijlage-Acme-Retail-concept.pdf". The buyer's organisation names it, the same for both
 * parties, so the two sides can refer to one file; the version number tells copies apart, and a
 * redline says which version its tracked changes run from.
 */
export function exportFileName(
  doc: Pick<ExportDocument, "t" | "parties" | "versionNumber"> & Partial<Pick<ExportDocument, "trackedSince">>,
  format: ExportFormat,
): string {
  const org = doc.parties.find((p) => p.party === "buyer")?.org.slice(0, 80) ?? "";
  const name = doc.trackedSince
    ? doc.t("export.fileName.tracked", { org, number: doc.trackedSince.number })
    : doc.versionNumber === null
      ? doc.t("export.fileName.draft", { org })
      : doc.t("export.fileName.version", { org, number: doc.versionNumber });
  const safe = name
    .replace(unsafe, "-")
    .replace(/\s+/g, "-")
    .replace(/-{2,}/g, "-")
    .replace(/^[-.]+|[-.]+$/g, "");
  return `${safe}.${format}`;
}
