/** The formats a version can be downloaded in: what the export route accepts and the page links to. */
export const exportFormats = ["docx", "pdf", "md"] as const;
export type ExportFormat = (typeof exportFormats)[number];
