import type { MessageKey } from "../../../shared/i18n/index";
import { DomainError } from "../../errors";
import { DocxRefusal, readDocx } from "./readDocx";
import type { ParsedDocx } from "../../../shared/wordImport/importedDocument";

const messages: Record<DocxRefusal["problem"], MessageKey> = {
  notDocx: "wordImport.error.notDocx",
  encrypted: "wordImport.error.encrypted",
  macros: "wordImport.error.macros",
  tooLarge: "wordImport.error.tooLarge",
  empty: "wordImport.error.empty",
};

/** Reads an upload, each reason a file cannot be used becoming a refusal that says what to do. */
export function readUploadedDocx(bytes: Uint8Array): ParsedDocx {
  try {
    return readDocx(bytes);
  } catch (error) {
    if (error instanceof DocxRefusal) throw new DomainError(error.problem === "tooLarge" ? 413 : 400, messages[error.problem]);
    throw error;
  }
}
