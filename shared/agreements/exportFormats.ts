/** The formats a version (or a session's minutes) can be downloaded in: what the export routes accept and the pages link to. */
export const exportFormats = ["docx", "pdf", "md"] as const;
export type ExportFormat = (typeof exportFormats)[number];

export const exportContentTypes: Record<ExportFormat, string> = {
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  pdf: "application/pdf",
  md: "text/markdown; charset=utf-8",
};
